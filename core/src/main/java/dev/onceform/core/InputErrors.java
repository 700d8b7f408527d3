package dev.onceform.core;

import dev.onceform.schema.OnceFormException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The {@code OF-JSON-1xx} errors for a submission that is not acceptable JSON, each with where it
 * went wrong ({@code source:line:column} and a JSON Pointer) and what to do.
 */
final class InputErrors {
  static final String NOT_JSON = "OF-JSON-101";
  static final String TOO_LARGE = "OF-JSON-103";
  static final String TOO_DEEP = "OF-JSON-104";
  static final String STRING_TOO_LONG = "OF-JSON-105";
  static final String ARRAY_TOO_LONG = "OF-JSON-106";
  static final String TOO_MANY_MEMBERS = "OF-JSON-107";
  static final String NUMBER_TOO_LONG = "OF-JSON-108";
  static final String NUMBER_OUT_OF_RANGE = "OF-JSON-109";
  static final String CONTROL_CHARACTER = "OF-JSON-110";
  static final String UNPAIRED_SURROGATE = "OF-JSON-111";
  static final String NOT_UTF8 = "OF-JSON-112";

  /** Pointers in messages are cut to this many chars: a hostile member name can be long. */
  private static final int POINTER_SHOWN = 200;

  private InputErrors() {}

  /**
   * Where in the input a problem is.
   *
   * @param line 1-based, or 0 when not known (a tree built by the caller)
   * @param pointer the JSON Pointer of the value, {@code ""} for the root
   */
  record Where(String source, int line, int column, String pointer) {
    @Override
    public String toString() {
      String at = line > 0 ? String.format(Locale.ROOT, "%s:%d:%d", source, line, column) : source;
      String shown =
          pointer.length() > POINTER_SHOWN ? pointer.substring(0, POINTER_SHOWN) + "…" : pointer;
      return at + " at JSON Pointer \"" + shown + "\"";
    }
  }

  static OnceFormException notJson(Where where, String what, @Nullable Throwable cause) {
    return new OnceFormException(
        NOT_JSON,
        where + ": not valid JSON: " + what + "; send one well-formed JSON document",
        cause);
  }

  static OnceFormException limit(
      String code, Where where, String what, String limitName, long limit) {
    String with = "with" + Character.toUpperCase(limitName.charAt(0)) + limitName.substring(1);
    return new OnceFormException(
        code,
        String.format(
            Locale.ROOT,
            "%s: %s; the limit is %,d (SubmissionLimits.%s). If such input is legitimate, raise it"
                + " with SubmissionLimits.defaults().%s(...) and pass the limits to"
                + " FormEngine.builder().submissionLimits(...) or Submissions.parse(...)",
            where,
            what,
            limit,
            limitName,
            with));
  }

  static OnceFormException tooLarge(Where where, long limit) {
    return limit(
        TOO_LARGE,
        where,
        "the document is larger than the limit, reading stopped there",
        "maxDocumentBytes",
        limit);
  }

  static OnceFormException tooDeep(Where where, int limit) {
    return limit(TOO_DEEP, where, "objects and arrays are nested too deeply", "maxDepth", limit);
  }

  static OnceFormException stringTooLong(Where where, boolean name, int limit) {
    return limit(
        STRING_TOO_LONG,
        where,
        (name ? "a member name" : "a string") + " is longer than the limit",
        "maxStringLength",
        limit);
  }

  static OnceFormException arrayTooLong(Where where, int limit) {
    return limit(
        ARRAY_TOO_LONG,
        where,
        "an array has more elements than the limit",
        "maxArrayLength",
        limit);
  }

  static OnceFormException tooManyMembers(Where where, int limit) {
    return limit(
        TOO_MANY_MEMBERS,
        where,
        "an object has more members than the limit",
        "maxObjectMembers",
        limit);
  }

  static OnceFormException numberTooLong(Where where, int limit) {
    return limit(
        NUMBER_TOO_LONG,
        where,
        "a number has more digits than the limit",
        "maxNumberLength",
        limit);
  }

  static OnceFormException numberOutOfRange(Where where) {
    return new OnceFormException(
        NUMBER_OUT_OF_RANGE,
        where
            + ": a number is out of range: its magnitude must be 0 or between 4.9e-324 and"
            + " 1.7976931348623157e308 (a 64-bit floating-point number); send a smaller number, or"
            + " a string if the value is an identifier");
  }

  static OnceFormException controlCharacter(Where where, boolean name, char c) {
    return new OnceFormException(
        CONTROL_CHARACTER,
        String.format(
            Locale.ROOT,
            "%s: %s contains the control character U+%04X; only tab, line feed and carriage return"
                + " are allowed: remove it",
            where,
            name ? "a member name" : "a string",
            (int) c));
  }

  static OnceFormException unpairedSurrogate(Where where, boolean name) {
    return new OnceFormException(
        UNPAIRED_SURROGATE,
        where
            + ": "
            + (name ? "a member name" : "a string")
            + " contains an unpaired UTF-16 surrogate (such as \\ud800 alone), which is no Unicode"
            + " character: send the text as UTF-8, or escape both halves of the pair");
  }

  static OnceFormException notUtf8(Where where, String what, @Nullable Throwable cause) {
    return new OnceFormException(
        NOT_UTF8,
        where + ": the input is not UTF-8: " + what + "; save or send it as UTF-8",
        cause);
  }
}
