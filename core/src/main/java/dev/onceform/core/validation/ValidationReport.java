package dev.onceform.core.validation;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The outcome of validating a submission: every problem found, not just the first.
 *
 * @param formId the id and version of the form the submission was checked against
 * @param problems the problems, in document order; empty when the submission is valid
 */
public record ValidationReport(String formId, List<Problem> problems) {

  /** Checks the parts and copies the list. */
  public ValidationReport {
    requireNonNull(formId, "formId");
    problems = List.copyOf(problems);
  }

  /** Returns whether the submission has no problems. */
  public boolean valid() {
    return problems.isEmpty();
  }
}
