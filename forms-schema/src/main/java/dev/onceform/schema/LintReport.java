package dev.onceform.schema;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;
import java.util.List;

/**
 * What the {@link FormLinter} found in one or more form files.
 *
 * @param findings every finding, sorted by file, line, column and code
 * @param coverage the prefill coverage of each form that could be read, in the order of the files
 */
public record LintReport(List<LintFinding> findings, List<PrefillCoverage> coverage) {
  private static final Comparator<LintFinding> ORDER =
      Comparator.comparing(LintFinding::file)
          .thenComparingInt(LintFinding::line)
          .thenComparingInt(LintFinding::column)
          .thenComparing(LintFinding::code)
          .thenComparing(LintFinding::pointer);

  /** Sorts and copies the findings, copies the coverage. */
  public LintReport {
    requireNonNull(findings, "findings");
    findings = findings.stream().sorted(ORDER).toList();
    coverage = List.copyOf(coverage);
  }

  /** Returns whether any finding is an {@link Severity#ERROR error}. */
  public boolean hasErrors() {
    return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
  }

  /** Returns the findings of a severity, in report order. */
  public List<LintFinding> findings(Severity severity) {
    requireNonNull(severity, "severity");
    return findings.stream().filter(f -> f.severity() == severity).toList();
  }

  /** Returns whether a file could not be read at all (code {@code io.unreadable}). */
  public boolean hasUnreadableInput() {
    return findings.stream().anyMatch(f -> f.code().equals(FormLinter.UNREADABLE));
  }
}
