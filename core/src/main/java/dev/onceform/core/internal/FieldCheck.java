package dev.onceform.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.onceform.core.prefill.ManualField.Reason;
import dev.onceform.schema.CodeList;
import dev.onceform.schema.CodeListProvider;
import dev.onceform.schema.FieldDefinition;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * Checks and normalises a registry value for one field before it enters the draft: JSON type
 * (numbers and booleans given as text are converted), text in Unicode NFC and trimmed, dates to
 * ISO-8601, the Vietnamese formats, {@code enum}/{@code const}, {@code minLength}/{@code
 * maxLength}, {@code pattern}, the {@code x-codelist}, and pre-2025 administrative-unit codes
 * converted to current ones. Built once per field and form version; immutable and thread-safe.
 *
 * <p>Keywords are read from the field's own subschema, reached through {@code properties} and local
 * {@code $ref}s; constraints added by {@code allOf} or {@code if}/{@code then} are checked on
 * submission, not here.
 */
final class FieldCheck {
  private static final String COMMUNES = "admin-units-2025/commune";
  private static final String PROVINCES = "admin-units-2025/province";
  private static final Pattern FIVE_DIGITS = Pattern.compile("[0-9]{5}");
  private static final Pattern TWO_DIGITS = Pattern.compile("[0-9]{2}");
  private static final int MAX_REF_DEPTH = 8;

  private final FieldDefinition field;
  private final List<JsonNode> allowed;
  private final int minLength;
  private final int maxLength;
  private final @Nullable Pattern pattern;
  private final @Nullable Predicate<String> format;
  private final @Nullable CodeList codeList;

  /** The outcome of a check. */
  sealed interface Result {}

  /** The value to put in the draft, and the registry's value if it was converted. */
  record Accepted(JsonNode value, Optional<String> convertedFrom) implements Result {}

  /** Why the value was dropped; {@code problem} names no value. */
  record Rejected(Reason reason, String problem, List<String> candidates) implements Result {
    Rejected(String problem) {
      this(Reason.BAD_VALUE, problem, List.of());
    }
  }

  private FieldCheck(FieldDefinition field, JsonNode schema, @Nullable CodeList codeList) {
    this.field = field;
    List<JsonNode> values = new ArrayList<>();
    schema.path("enum").forEach(values::add);
    if (schema.has("const")) {
      values.add(schema.get("const"));
    }
    this.allowed = List.copyOf(values);
    this.minLength = schema.path("minLength").asInt(0);
    this.maxLength = schema.path("maxLength").asInt(Integer.MAX_VALUE);
    this.pattern = compile(schema.path("pattern").asText(""));
    this.format = field.format().flatMap(VnFormats::rule).orElse(null);
    this.codeList = codeList;
  }

  /**
   * Prepares the check of a field.
   *
   * @param root the form's schema
   * @param lists where the field's {@code x-codelist} is found (a list it does not serve is not
   *     checked here; the validator reports it)
   */
  static FieldCheck of(FieldDefinition field, JsonNode root, CodeListProvider lists) {
    CodeList list = field.codeList().flatMap(lists::find).orElse(null);
    return new FieldCheck(field, subschema(root, field.pointer()), list);
  }

  /** Checks and normalises a value (not null, not JSON null). */
  Result check(JsonNode value) {
    return switch (field.type()) {
      case "string" -> value.isTextual() ? checkText(value.asText()) : wrongType();
      case "integer", "number" -> checkNumber(value);
      case "boolean" -> checkBoolean(value);
      default -> new Rejected("is a " + field.type() + " field, which prefill does not fill");
    };
  }

  private Result checkText(String raw) {
    String text = Normalizer.normalize(raw, Normalizer.Form.NFC).strip();
    if (text.isEmpty()) {
      return new Rejected("is blank");
    }
    Optional<String> convertedFrom = Optional.empty();
    if (field.format().filter("date"::equals).isPresent()) {
      Optional<String> iso = RegistryDates.toIso(text);
      if (iso.isEmpty()) {
        return new Rejected("is not a date");
      }
      text = iso.get();
    }
    CommuneCodes.@Nullable Outcome unit = adminUnit(text);
    if (unit instanceof CommuneCodes.Ambiguous ambiguous) {
      return new Rejected(
          Reason.AMBIGUOUS_ADDRESS,
          "is a commune of before 1 July 2025 that was split; the citizen chooses",
          ambiguous.candidates());
    } else if (unit instanceof CommuneCodes.Unknown) {
      return new Rejected(
          Reason.UNKNOWN_ADDRESS,
          "is neither a current administrative unit nor one of 30 June 2025",
          List.of());
    } else if (unit instanceof CommuneCodes.Current current) {
      text = current.code();
      convertedFrom = current.convertedFrom();
    }
    int length = text.codePointCount(0, text.length());
    if (length > maxLength || length < minLength) {
      return new Rejected("has " + length + " characters, outside " + minLength + "-" + maxLength);
    }
    if (format != null && !format.test(text)) {
      return new Rejected("does not have the format " + field.format().orElse(""));
    }
    if (pattern != null && !pattern.matcher(text).find()) {
      return new Rejected("does not match the field's pattern");
    }
    TextNode node = TextNode.valueOf(text);
    if (!allowed.isEmpty() && !allowed.contains(node)) {
      return new Rejected("is not one of the field's values");
    }
    if (codeList != null && !codeList.contains(text)) {
      return new Rejected("is not in code list " + codeList.name());
    }
    return new Accepted(node, convertedFrom);
  }

  /** Converts a pre-2025 unit code, or returns null if the field holds no unit code. */
  private CommuneCodes.@Nullable Outcome adminUnit(String text) {
    String list = field.codeList().orElse("");
    boolean unitFormat = field.format().filter("vn-admin-unit"::equals).isPresent();
    if ((list.equals(COMMUNES) || unitFormat) && FIVE_DIGITS.matcher(text).matches()) {
      return CommuneCodes.commune(text);
    }
    if ((list.equals(PROVINCES) || unitFormat) && TWO_DIGITS.matcher(text).matches()) {
      return CommuneCodes.province(text);
    }
    return null;
  }

  private Result checkNumber(JsonNode value) {
    BigDecimal number;
    if (value.isNumber()) {
      number = value.decimalValue();
    } else if (value.isTextual()) {
      try {
        number = new BigDecimal(value.asText().strip());
      } catch (NumberFormatException e) {
        return wrongType();
      }
    } else {
      return wrongType();
    }
    JsonNode node;
    if (field.type().equals("integer")) {
      try {
        java.math.BigInteger whole = number.toBigIntegerExact();
        node =
            whole.bitLength() < 32
                ? JsonNodeFactory.instance.numberNode(whole.intValue())
                : JsonNodeFactory.instance.numberNode(whole);
      } catch (ArithmeticException e) {
        return wrongType();
      }
    } else {
      node = value.isNumber() ? value : JsonNodeFactory.instance.numberNode(number);
    }
    boolean listed =
        allowed.stream().anyMatch(a -> a.isNumber() && a.decimalValue().compareTo(number) == 0);
    return allowed.isEmpty() || listed
        ? new Accepted(node, Optional.empty())
        : new Rejected("is not one of the field's values");
  }

  private Result checkBoolean(JsonNode value) {
    if (value.isBoolean()) {
      return new Accepted(value, Optional.empty());
    }
    String text = value.isTextual() ? value.asText().strip() : "";
    return switch (text) {
      case "true" -> new Accepted(BooleanNode.TRUE, Optional.empty());
      case "false" -> new Accepted(BooleanNode.FALSE, Optional.empty());
      default -> wrongType();
    };
  }

  private Rejected wrongType() {
    return new Rejected("is not a " + field.type());
  }

  private static @Nullable Pattern compile(String regex) {
    if (regex.isEmpty()) {
      return null;
    }
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      return null; // not a Java regex; the validator checks it on submission
    }
  }

  /** The field's own subschema: {@code properties} steps, following local {@code $ref}s. */
  static JsonNode subschema(JsonNode root, String pointer) {
    JsonNode node = resolve(root, root);
    for (String step : pointer.substring(1).split("/", -1)) {
      String name = step.replace("~1", "/").replace("~0", "~");
      node = resolve(root, node.path("properties").path(name));
    }
    return node;
  }

  private static JsonNode resolve(JsonNode root, JsonNode schema) {
    JsonNode node = schema;
    for (int i = 0; i < MAX_REF_DEPTH && node.path("$ref").asText("").startsWith("#"); i++) {
      node = root.at(node.get("$ref").asText().substring(1));
    }
    return node;
  }
}
