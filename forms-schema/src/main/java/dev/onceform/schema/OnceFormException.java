package dev.onceform.schema;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The root of OnceForm's unchecked exceptions (forms-schema and core). Each carries a stable {@link
 * #code() code} such as {@code OF-FORM-101}, listed in {@code docs/errors.md}; the message starts
 * with the code, says what failed on which input, and what to do about it.
 *
 * <p>Invalid user input (a submission, a form being linted) is reported in a result object, not
 * with this exception; it is thrown for things a developer or operator must fix.
 */
public class OnceFormException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String code;

  /**
   * Creates an exception.
   *
   * @param code the stable error code, e.g. {@code OF-FORM-101}
   * @param message what failed and how to fix it, without the code (it is prefixed)
   */
  public OnceFormException(String code, String message) {
    this(code, message, null);
  }

  /**
   * Creates an exception that wraps a cause.
   *
   * @param code the stable error code, e.g. {@code OF-FORM-101}
   * @param message what failed and how to fix it, without the code (it is prefixed)
   * @param cause the underlying exception, or {@code null}
   */
  public OnceFormException(String code, String message, @Nullable Throwable cause) {
    super(String.format(Locale.ROOT, "%s: %s", requireNonNull(code, "code"), message), cause);
    this.code = code;
  }

  /** Returns the stable error code, such as {@code OF-FORM-101}. */
  public String code() {
    return code;
  }
}
