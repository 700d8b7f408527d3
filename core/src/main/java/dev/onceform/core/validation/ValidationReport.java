package dev.onceform.core.validation;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The outcome of validating a submission: every problem found, not just the first.
 *
 * @param formId the id and version of the form the submission was checked against
 * @param problems the problems, in document order; empty when the submission is valid
 * @param submission the submission as it was checked: strings normalised to Unicode NFC, and fields
 *     the form hides dropped when the form says so; store this, not what the browser sent. A copy:
 *     changing it does not change the report
 */
public record ValidationReport(String formId, List<Problem> problems, JsonNode submission) {

  /** Checks the parts and copies the list and the submission. */
  public ValidationReport {
    requireNonNull(formId, "formId");
    problems = List.copyOf(problems);
    submission = requireNonNull(submission, "submission").deepCopy();
  }

  /** Returns a copy of the submission as it was checked (see the record description). */
  @Override
  public JsonNode submission() {
    return submission.deepCopy();
  }

  /** Returns whether the submission has no problems. */
  public boolean valid() {
    return problems.isEmpty();
  }
}
