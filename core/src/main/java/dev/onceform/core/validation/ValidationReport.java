package dev.onceform.core.validation;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onceform.core.internal.HandedOver;
import dev.onceform.schema.OnceFormException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

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
    requireNonNull(submission, "submission");
    if (problems instanceof HandedOver handedOver) {
      problems = handedOver.problems(); // the engine's own tree, handed over: no copy
    } else {
      problems = List.copyOf(problems);
      submission = submission.deepCopy();
    }
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

  /**
   * The {@code $id} of the JSON Schema that {@link #toJson()} follows; the schema ships in this
   * module as {@code dev/onceform/core/schema/validation-report-1.0.json}.
   */
  public static final String JSON_SCHEMA_ID = "https://onceform.dev/schema/validation-report/1.0";

  /**
   * Returns the report as JSON, following the published schema {@link #JSON_SCHEMA_ID}:
   *
   * <pre>{@code
   * {"$schema": "https://onceform.dev/schema/validation-report/1.0",
   *  "valid": false, "form": "birth-registration@1.0.0",
   *  "problems": [{"pointer": "/child/fullName", "code": "required", "valueType": "missing",
   *                "message": {"vi": "Chưa nhập “Họ, chữ đệm và tên”.", "en": "…"}}]}
   * }</pre>
   *
   * <p>The {@link #submission()} is left out: it holds the citizen's personal data, and a report is
   * often logged or shown where that data must not go. Store the submission on its own. A message
   * without an English text has the Vietnamese one under {@code en}.
   *
   * @return a new object; changing it does not change the report
   */
  public ObjectNode toJson() {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("$schema", JSON_SCHEMA_ID);
    root.put("valid", valid());
    root.put("form", formId);
    ArrayNode items = root.putArray("problems");
    for (Problem problem : problems) {
      ObjectNode item = items.addObject();
      item.put("pointer", problem.pointer());
      item.put("code", problem.code());
      item.put("valueType", problem.valueType());
      item.putObject("message")
          .put("vi", problem.message().vi())
          .put("en", problem.message().in(Locale.ENGLISH));
    }
    return root;
  }

  /**
   * Returns the JSON Schema (2020-12) of {@link #toJson()}, {@link #JSON_SCHEMA_ID}, as UTF-8 JSON
   * text, to publish or to check reports with.
   */
  public static String jsonSchema() {
    try (InputStream in =
        ValidationReport.class.getResourceAsStream(
            "/dev/onceform/core/schema/validation-report-1.0.json")) {
      if (in == null) {
        throw new OnceFormException(
            "OF-CORE-101", "validation-report-1.0.json is missing; the jar is damaged");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new OnceFormException("OF-CORE-101", "cannot read validation-report-1.0.json", e);
    }
  }
}
