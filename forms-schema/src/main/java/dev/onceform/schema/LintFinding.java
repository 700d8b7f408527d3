package dev.onceform.schema;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * One problem the {@link FormLinter} found in a form file.
 *
 * @param file the file (or name) the form was read from
 * @param line the 1-based line of the offending key or value, or 0 if the finding is about the
 *     whole file (for example {@code io.unreadable})
 * @param column the 1-based column (in characters) on that line, or 0 with {@code line} 0
 * @param severity how bad it is
 * @param code a stable code such as {@code prefill.unknown-attribute}, listed in {@code
 *     docs/errors.md}
 * @param message what is wrong, in English
 * @param hint how to fix it, in English
 * @param pointer the JSON Pointer of the offending part of the form document ({@code ""} for the
 *     whole document)
 */
public record LintFinding(
    String file,
    int line,
    int column,
    Severity severity,
    String code,
    String message,
    String hint,
    String pointer) {

  /** Checks the parts. */
  public LintFinding {
    requireNonNull(file, "file");
    requireNonNull(severity, "severity");
    requireNonNull(code, "code");
    requireNonNull(message, "message");
    requireNonNull(hint, "hint");
    requireNonNull(pointer, "pointer");
    if (line < 0 || column < 0 || (line == 0) != (column == 0)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "line and column must both be positive, or both 0, but were %d:%d",
              line,
              column));
    }
  }

  /**
   * Returns the finding as a compiler would print it: {@code file:line:column: severity code:
   * message} (without {@code :line:column} when the line is 0).
   */
  @Override
  public String toString() {
    String where = line == 0 ? file : file + ":" + line + ":" + column;
    return where + ": " + severity.label() + " " + code + ": " + message;
  }
}
