package dev.onceform.core.result;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onceform.core.internal.CanonicalJson;
import dev.onceform.schema.FormDefinition;
import dev.onceform.schema.LocalizedText;
import dev.onceform.schema.OnceFormException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The data of an electronic result, written as {@code result.json} ({@link ResultSchemas#RESULT}):
 * which procedure and file it closes, who issued it when, whom it is about, and its fields by id.
 * The PDF of the result shows it and carries it as an attachment, so that the next procedure can
 * reuse the data.
 *
 * <p>Build one from a template, a form and a submission with {@link #builder}; read one back with
 * {@link #parse}. {@link #toJson()} gives canonical bytes: the same inputs and clock give the same
 * bytes.
 *
 * @param templateId the id of the template, e.g. {@code birth-certificate}
 * @param templateVersion the template's version
 * @param formId the id of the form of the submission, e.g. {@code birth-registration}
 * @param formVersion the form's version
 * @param procedureCode the procedure's code in the national procedure database
 * @param receiptNumber the file's receipt number (mã hồ sơ)
 * @param issuedAt the instant of issue, in Vietnam's offset (+07:00), whole seconds
 * @param issuer the issuing agency
 * @param title the document title
 * @param subject the identifier of whom the result is about (the template's subject field)
 * @param data the result's fields by id (a table is an array of row objects by column id); the map
 *     is unmodifiable, but its JSON values are not: do not change them, use {@link #value} for a
 *     copy
 * @param provenance where each field's value came from, by field id; empty when not recorded
 */
public record ResultData(
    String templateId,
    String templateVersion,
    String formId,
    String formVersion,
    String procedureCode,
    String receiptNumber,
    OffsetDateTime issuedAt,
    ResultTemplate.Agency issuer,
    LocalizedText title,
    String subject,
    Map<String, JsonNode> data,
    Map<String, String> provenance) {

  /** Checks the parts; copies the maps and their values. */
  public ResultData {
    requireNonNull(templateId, "templateId");
    requireNonNull(templateVersion, "templateVersion");
    requireNonNull(formId, "formId");
    requireNonNull(formVersion, "formVersion");
    requireNonNull(procedureCode, "procedureCode");
    requireNonNull(receiptNumber, "receiptNumber");
    requireNonNull(issuedAt, "issuedAt");
    requireNonNull(issuer, "issuer");
    requireNonNull(title, "title");
    requireNonNull(subject, "subject");
    Map<String, JsonNode> copy = new TreeMap<>();
    requireNonNull(data, "data").forEach((id, value) -> copy.put(id, value.deepCopy()));
    data = Collections.unmodifiableMap(copy);
    provenance = Collections.unmodifiableMap(new TreeMap<>(provenance));
  }

  /** Returns the day of issue in Vietnam. */
  public LocalDate issueDate() {
    return issuedAt.atZoneSameInstant(ReceiptNumbers.ZONE).toLocalDate();
  }

  /** Returns a copy of the value of a field or table, if the result has one. */
  public Optional<JsonNode> value(String fieldId) {
    JsonNode value = data.get(requireNonNull(fieldId, "fieldId"));
    return Optional.ofNullable(value).map(JsonNode::deepCopy);
  }

  /**
   * Returns a builder of the result of a submission of {@code form} under {@code template}.
   *
   * @param template the result template; its {@code form} must be the form's id
   * @param form the form of the submission, for its id, version and procedure code
   */
  public static Builder builder(ResultTemplate template, FormDefinition form) {
    return new Builder(template, form);
  }

  /** Returns the result as a JSON object that {@link ResultSchemas#validateResult} accepts. */
  public ObjectNode toJsonNode() {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    ObjectNode root = nodes.objectNode();
    root.put("$schema", ResultSchemas.RESULT);
    root.putObject("template").put("id", templateId).put("version", templateVersion);
    root.putObject("form").put("id", formId).put("version", formVersion);
    root.put("procedureCode", procedureCode);
    root.put("receiptNumber", receiptNumber);
    root.put("issueDate", issueDate().toString());
    root.put("issuedAt", issuedAt.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    ObjectNode agency = root.putObject("issuer");
    agency.set("name", text(issuer.name()));
    agency.put("code", issuer.code());
    root.set("title", text(title));
    root.put("subject", subject);
    ObjectNode values = root.putObject("data");
    data.forEach((id, value) -> values.set(id, value.deepCopy()));
    if (!provenance.isEmpty()) {
      ObjectNode sources = root.putObject("provenance");
      provenance.forEach(sources::put);
    }
    return root;
  }

  /**
   * Returns {@code result.json}: canonical JSON (members sorted by name, no white space, numbers
   * without exponent, strings in NFC), UTF-8.
   */
  public byte[] toJson() {
    return CanonicalJson.write(toJsonNode()).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Reads a {@code result.json}.
   *
   * @throws OnceFormException {@code OF-RESULT-116} if the bytes are not JSON or break {@link
   *     ResultSchemas#RESULT}
   */
  public static ResultData parse(byte[] json) {
    return ResultDataReader.read(requireNonNull(json, "json"));
  }

  static ObjectNode text(LocalizedText text) {
    ObjectNode node = JsonNodeFactory.instance.objectNode().put("vi", text.vi());
    text.en().ifPresent(en -> node.put("en", en));
    return node;
  }

  /**
   * Builds the {@link ResultData} of one submission. Not thread-safe; use one builder per result.
   */
  public static final class Builder {
    private final ResultTemplate template;
    private final FormDefinition form;
    private @Nullable JsonNode submission;
    private @Nullable String receiptNumber;
    private @Nullable Clock clock;
    private ResultTemplate.Agency issuer;
    private final Map<String, JsonNode> officerInputs = new TreeMap<>();
    private @Nullable Map<String, String> provenance;

    Builder(ResultTemplate template, FormDefinition form) {
      this.template = requireNonNull(template, "template");
      this.form = requireNonNull(form, "form");
      this.issuer = template.agency();
    }

    /** Sets the submission (required): a valid submission of the form; it is not changed. */
    public Builder submission(JsonNode submission) {
      this.submission = requireNonNull(submission, "submission").deepCopy();
      return this;
    }

    /**
     * Sets the receipt number (required), e.g. from {@link ReceiptNumberGenerator#next}.
     *
     * @throws IllegalArgumentException if it is blank
     */
    public Builder receiptNumber(String receiptNumber) {
      requireNonNull(receiptNumber, "receiptNumber");
      if (receiptNumber.isBlank()) {
        throw new IllegalArgumentException(
            "receiptNumber must not be blank, but was '" + receiptNumber + "'");
      }
      this.receiptNumber = receiptNumber;
      return this;
    }

    /** Sets the clock that gives the time of issue (required). */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the issuing agency; by default the template's. A template names the kind of agency; give
     * the one that actually issues, e.g. the People's Committee of one commune.
     */
    public Builder issuer(ResultTemplate.Agency issuer) {
      this.issuer = requireNonNull(issuer, "issuer");
      return this;
    }

    /** Sets the value of an officer input the template declares, e.g. the decision number. */
    public Builder officerInput(String name, String value) {
      return officerInput(name, JsonNodeFactory.instance.textNode(requireNonNull(value, "value")));
    }

    /** Sets the value of an officer input the template declares, as any JSON value. */
    public Builder officerInput(String name, JsonNode value) {
      officerInputs.put(requireNonNull(name, "name"), requireNonNull(value, "value").deepCopy());
      return this;
    }

    /**
     * Records where the submission's values came from, so that {@code result.json} carries a
     * provenance summary: by submission pointer, the registry source id (e.g. {@code population})
     * as in {@code PrefillResult}; values without an entry count as entered by the applicant.
     */
    public Builder provenance(Map<String, String> sourcesByPointer) {
      this.provenance = Map.copyOf(requireNonNull(sourcesByPointer, "sourcesByPointer"));
      return this;
    }

    /**
     * Builds the result.
     *
     * @throws OnceFormException {@code OF-RESULT-115} if the submission, receipt number or clock is
     *     missing; {@code OF-RESULT-111} if the template is for another form; {@code OF-RESULT-112}
     *     for a missing or unknown officer input; {@code OF-RESULT-113} if the subject has no
     *     value; {@code OF-RESULT-114} if a computed value cannot be evaluated
     */
    public ResultData build() {
      List<String> missing = new ArrayList<>();
      if (submission == null) {
        missing.add("submission");
      }
      if (receiptNumber == null) {
        missing.add("receiptNumber");
      }
      if (clock == null) {
        missing.add("clock");
      }
      if (submission == null || receiptNumber == null || clock == null) {
        throw new OnceFormException(
            ResultErrors.INCOMPLETE,
            "a result needs a submission, a receipt number and a clock; missing: "
                + String.join(", ", missing)
                + "; set them on ResultData.builder(template, form)");
      }
      return ResultAssembler.assemble(
          template, form, submission, officerInputs, receiptNumber, clock, issuer, provenance);
    }
  }
}
