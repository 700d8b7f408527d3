package dev.onceform.schema;

import java.util.Locale;

/** How bad a {@link LintFinding} is. */
public enum Severity {
  /** The form must not be deployed as it is: it is wrong or cannot work. */
  ERROR,
  /** The form works, but something is likely a mistake. */
  WARNING;

  /** Returns the lower-case name used in reports: {@code error} or {@code warning}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
