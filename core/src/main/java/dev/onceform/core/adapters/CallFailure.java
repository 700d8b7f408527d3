package dev.onceform.core.adapters;

import dev.onceform.core.spi.RegistryAnswer;

/**
 * A call that failed before an answer (token endpoint, request building); carries the answer status
 * and a content-free detail.
 */
final class CallFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final RegistryAnswer.Status status;

  CallFailure(RegistryAnswer.Status status, String detail) {
    super(detail, null, false, false);
    this.status = status;
  }

  RegistryAnswer.Status status() {
    return status;
  }
}
