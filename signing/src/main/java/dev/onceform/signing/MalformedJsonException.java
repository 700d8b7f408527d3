package dev.onceform.signing;

/**
 * The input is not JSON that can be canonicalised (RFC 8785 requires I-JSON, RFC 7493); never
 * leaves the package. The message says what is wrong and where, without quoting string values.
 */
final class MalformedJsonException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String detail;

  MalformedJsonException(String detail) {
    super(detail, null, false, false);
    this.detail = detail;
  }

  /** What is wrong and where, e.g. {@code the member name 'a' occurs twice ... at line 3}. */
  String detail() {
    return detail;
  }
}
