package dev.onceform.core.result;

/** The error codes of result templates, result documents and receipt numbers (docs/errors.md). */
final class ResultErrors {
  /** An unknown built-in template or schema id. */
  static final String NOT_FOUND = "OF-RESULT-101";

  /** A template file that cannot be read. */
  static final String UNREADABLE = "OF-RESULT-102";

  /** A template that is not JSON. */
  static final String NOT_JSON = "OF-RESULT-103";

  /** A template that breaks the result template schema. */
  static final String INVALID_TEMPLATE = "OF-RESULT-104";

  /** A template whose parts do not fit together (duplicate ids, references to unknown fields). */
  static final String INCONSISTENT_TEMPLATE = "OF-RESULT-105";

  /** A result built for a form other than the template's. */
  static final String WRONG_FORM = "OF-RESULT-111";

  /** A missing or unknown officer input. */
  static final String OFFICER_INPUT = "OF-RESULT-112";

  /** A submission without a value for the template's subject. */
  static final String NO_SUBJECT = "OF-RESULT-113";

  /** A computed value that JSON Logic cannot evaluate. */
  static final String COMPUTE_FAILED = "OF-RESULT-114";

  /** A result builder missing a part or given a bad value. */
  static final String INCOMPLETE = "OF-RESULT-115";

  /** A result.json that is not JSON or breaks the result schema. */
  static final String INVALID_RESULT = "OF-RESULT-116";

  /** A bad agency code given to a receipt number generator. */
  static final String BAD_AGENCY_CODE = "OF-RESULT-121";

  private ResultErrors() {}
}
