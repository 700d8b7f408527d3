package dev.onceform.core.result;

/**
 * Issues receipt numbers (mã hồ sơ): the number a file gets when the agency receives it, printed on
 * the receipt, in the footer of the result and in {@code result.json}.
 *
 * <p>The default, {@link ReceiptNumbers#daily}, keeps its counters in memory; an agency that runs
 * several servers, or must not reuse numbers after a restart, implements this interface over a
 * database sequence and gives it to whatever issues files.
 *
 * <p>Contract: thread-safe; every call returns a number no earlier call returned (for any agency
 * code), even under concurrency; cheap to construct; the number contains no personal data.
 */
public interface ReceiptNumberGenerator {

  /**
   * Returns the next receipt number for a file received by an agency.
   *
   * @param agencyCode the receiving agency's code on the national document exchange, e.g. {@code
   *     000.00.00.H29}
   * @throws dev.onceform.schema.OnceFormException {@code OF-RESULT-121} for an agency code that is
   *     not upper-case letters and digits in dot-separated groups
   */
  String next(String agencyCode);

  /** Returns a short name of the generator for logs and messages, e.g. {@code daily}. */
  default String id() {
    return getClass().getSimpleName();
  }
}
