package dev.onceform.core.audit;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * The result of {@link AuditLog#verify}: how many lines were found intact, and the first defect.
 *
 * @param lines the number of lines checked and found intact, before the first defect if there is
 *     one
 * @param head the hash of the last intact line (64 zeros for an empty log): write it down
 *     elsewhere, and a later verification can tell whether lines were cut off the end
 * @param defect the first defect, if any
 */
public record AuditLogReport(long lines, String head, Optional<Defect> defect) {

  /** Checks the parts. */
  public AuditLogReport {
    if (lines < 0) {
      throw new IllegalArgumentException("lines must not be negative, but was " + lines);
    }
    requireNonNull(head, "head");
    requireNonNull(defect, "defect");
  }

  /** Returns whether the whole log is intact. */
  public boolean intact() {
    return defect.isEmpty();
  }

  /**
   * What is wrong with a line.
   *
   * @param line the line's number, from 1
   * @param kind what kind of defect
   * @param detail an English explanation, without personal data
   */
  public record Defect(long line, Kind kind, String detail) {

    /** Checks the parts. */
    public Defect {
      if (line < 1) {
        throw new IllegalArgumentException("line must be at least 1, but was " + line);
      }
      requireNonNull(kind, "kind");
      requireNonNull(detail, "detail");
    }
  }

  /** The kinds of defect. */
  public enum Kind {
    /** The line is not a chain line: not UTF-8 JSON, incomplete, or without seq, prev or hash. */
    MALFORMED,
    /** The line's content does not match its hash: it was changed. */
    ALTERED,
    /**
     * The line's {@code prev} is not the hash of the line before it (for line 1: not 64 zeros): a
     * line was removed, inserted or moved here, or the start of the log was cut off.
     */
    CHAIN_BROKEN,
    /** No line has the expected head hash: lines were cut off the end of the log. */
    TRUNCATED
  }
}
