package dev.onceform.cli;

/** Bad input or usage that the user can fix; printed as one line, exit code 2. */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
