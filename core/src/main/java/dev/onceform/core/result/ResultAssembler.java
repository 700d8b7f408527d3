package dev.onceform.core.result;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onceform.schema.FormDefinition;
import dev.onceform.schema.OnceFormException;
import dev.onceform.schema.internal.JsonLogicEvaluator;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** Computes a {@link ResultData} from a template, a submission and the officer's inputs. */
final class ResultAssembler {
  static final String APPLICANT = "applicant";
  static final String COMPUTED = "computed";
  static final String OFFICER = "officer";

  private ResultAssembler() {}

  static ResultData assemble(
      ResultTemplate template,
      FormDefinition form,
      JsonNode submission,
      Map<String, JsonNode> officerInputs,
      String receiptNumber,
      Clock clock,
      ResultTemplate.Agency issuer,
      @Nullable Map<String, String> provenance) {
    if (!template.form().equals(form.id())) {
      throw new OnceFormException(
          ResultErrors.WRONG_FORM,
          "template "
              + template.id()
              + " is for form '"
              + template.form()
              + "', not '"
              + form.id()
              + "'; use the template the form's x-form.result names");
    }
    checkOfficerInputs(template, officerInputs);
    Map<String, JsonNode> data = new TreeMap<>();
    Map<String, String> sources = new TreeMap<>();
    for (ResultTemplate.ResultField field : template.fields()) {
      JsonNode value = value(template, field, submission, officerInputs);
      if (value != null && !value.isNull() && !value.isMissingNode()) {
        data.put(field.id(), value);
        sources.put(field.id(), source(field.source(), provenance));
      }
    }
    for (LayoutBlock.Table table : template.tables()) {
      JsonNode rows = submission.at(table.rows());
      if (rows.isArray()) {
        data.put(table.id(), rows(table, rows));
        sources.put(
            table.id(),
            provenance == null ? APPLICANT : provenance.getOrDefault(table.rows(), APPLICANT));
      }
    }
    return new ResultData(
        template.id(),
        template.version(),
        form.id(),
        form.version(),
        form.procedureCode(),
        receiptNumber,
        ZonedDateTime.ofInstant(clock.instant(), ReceiptNumbers.ZONE)
            .truncatedTo(ChronoUnit.SECONDS)
            .toOffsetDateTime(),
        issuer,
        template.title(),
        subject(template, data),
        data,
        provenance == null ? Map.of() : sources);
  }

  private static void checkOfficerInputs(
      ResultTemplate template, Map<String, JsonNode> officerInputs) {
    List<String> declared = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (ResultTemplate.ResultField field : template.officerInputs()) {
      String name = ((FieldSource.Officer) field.source()).name();
      declared.add(name);
      JsonNode value = officerInputs.get(name);
      if (!field.optional() && (value == null || value.isNull())) {
        missing.add(name);
      }
    }
    TreeSet<String> unknown = new TreeSet<>(officerInputs.keySet());
    declared.forEach(unknown::remove);
    if (!missing.isEmpty() || !unknown.isEmpty()) {
      throw new OnceFormException(
          ResultErrors.OFFICER_INPUT,
          "template "
              + template.id()
              + (missing.isEmpty() ? "" : " needs the officer inputs " + missing)
              + (missing.isEmpty() || unknown.isEmpty() ? "" : " and")
              + (unknown.isEmpty() ? "" : " has no officer inputs " + unknown)
              + "; its officer inputs are "
              + declared
              + ", set with ResultData.Builder.officerInput(name, value)");
    }
  }

  private static @Nullable JsonNode value(
      ResultTemplate template,
      ResultTemplate.ResultField field,
      JsonNode submission,
      Map<String, JsonNode> officerInputs) {
    FieldSource source = field.source();
    if (source instanceof FieldSource.Submission s) {
      return submission.at(s.pointer()).deepCopy();
    }
    if (source instanceof FieldSource.Officer o) {
      return officerInputs.get(o.name());
    }
    try {
      return JsonLogicEvaluator.apply(((FieldSource.Computed) source).logic(), submission);
    } catch (RuntimeException e) {
      throw new OnceFormException(
          ResultErrors.COMPUTE_FAILED,
          "template "
              + template.id()
              + ": the computed value of field '"
              + field.id()
              + "' cannot be evaluated: "
              + e.getMessage()
              + "; run onceform lint on the template",
          e);
    }
  }

  private static String source(FieldSource source, @Nullable Map<String, String> provenance) {
    if (source instanceof FieldSource.Submission s) {
      return provenance == null ? APPLICANT : provenance.getOrDefault(s.pointer(), APPLICANT);
    }
    return source instanceof FieldSource.Officer ? OFFICER : COMPUTED;
  }

  private static ArrayNode rows(LayoutBlock.Table table, JsonNode rows) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    for (JsonNode row : rows) {
      ObjectNode cells = out.addObject();
      for (LayoutBlock.Column column : table.columns()) {
        JsonNode value = row.at(column.pointer());
        if (!value.isMissingNode() && !value.isNull()) {
          cells.set(column.id(), value.deepCopy());
        }
      }
    }
    return out;
  }

  private static String subject(ResultTemplate template, Map<String, JsonNode> data) {
    JsonNode value = data.get(template.subject());
    if (value == null || !value.isValueNode() || value.asText().isBlank()) {
      throw new OnceFormException(
          ResultErrors.NO_SUBJECT,
          "template "
              + template.id()
              + ": the subject field '"
              + template.subject()
              + "' has no value in this submission; a result must name whom it is about, so"
              + " fill the field (or the officer input) it comes from");
    }
    return value.asText();
  }
}
