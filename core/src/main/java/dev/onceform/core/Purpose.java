package dev.onceform.core;

import static java.util.Objects.requireNonNull;

/**
 * Why registry data is requested, as recorded in every registry query and audit entry, e.g. {@code
 * birth-registration}. Registries may refuse a purpose they are not authorised for.
 *
 * @param code a short, stable code for the purpose
 */
public record Purpose(String code) {

  /** Checks the code. */
  public Purpose {
    requireNonNull(code, "code");
    if (code.isBlank()) {
      throw new IllegalArgumentException("purpose code must not be blank");
    }
  }

  /** Returns the purpose with this code. */
  public static Purpose of(String code) {
    return new Purpose(code);
  }
}
