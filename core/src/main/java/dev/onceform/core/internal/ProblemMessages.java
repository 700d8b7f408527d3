package dev.onceform.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onceform.core.validation.Problem;
import dev.onceform.schema.FieldDefinition;
import dev.onceform.schema.FormDefinition;
import dev.onceform.schema.LocalizedText;
import dev.onceform.schema.Section;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Turns json-schema-validator errors into {@link Problem}s with OnceForm's own codes and citizen
 * messages (json-schema-validator's own texts are technical and name no field, so they are never
 * shown). Immutable and thread-safe.
 */
public final class ProblemMessages {
  private static final Set<String> LIMIT_KEYWORDS =
      Set.of("minLength", "maxLength", "minimum", "maximum", "minItems", "maxItems");
  private static final Set<String> KNOWN_KEYWORDS =
      Set.of("required", "type", "enum", "const", "pattern", "additionalProperties");

  /** At most this many rendered messages are kept (their number is bounded by the forms anyway). */
  private static final int MAX_RENDERED = 20_000;

  private final Messages messages;

  /**
   * Messages already rendered for a field of a form: the same field, key and argument always give
   * the same text, and formatting it in two languages is most of the cost of a problem. Only
   * pointers the form defines are cached, so a submission cannot grow it.
   */
  private final ConcurrentMap<Rendered, LocalizedText> rendered = new ConcurrentHashMap<>();

  private record Rendered(String form, String pointer, String key, String extra) {}

  private ProblemMessages(Messages messages) {
    this.messages = messages;
  }

  /** Loads the bundled validation messages. */
  public static ProblemMessages bundled() {
    return new ProblemMessages(Messages.load(ProblemMessages.class, "validation-messages"));
  }

  /** Uses the given message texts (for example the built-in ones with an agency's overrides). */
  public static ProblemMessages of(Messages messages) {
    return new ProblemMessages(messages);
  }

  /** Returns the message texts, for the test that both languages have the same keys. */
  public Messages messages() {
    return messages;
  }

  Problem problem(FormDefinition form, com.networknt.schema.Error error, String pointer) {
    String keyword = error.getKeyword();
    JsonNode value = error.getInstanceNode();
    String valueType =
        "required".equals(keyword) || value == null
            ? "missing"
            : value.getNodeType().name().toLowerCase(Locale.ROOT);
    String code = code(keyword, error);
    String key = messages.has(code) ? code : "format".equals(keyword) ? "format" : "schema";
    Object limit = LIMIT_KEYWORDS.contains(keyword) ? argument(error) : keyword;
    return new Problem(pointer, code, valueType, text(form, pointer, key, limit));
  }

  Problem codeList(FormDefinition form, String pointer, String list) {
    return new Problem(pointer, "codelist", "string", text(form, pointer, "codelist", list));
  }

  /** A problem with a submission's prefill seal; {@code code} is also the message key. */
  Problem seal(FormDefinition form, String pointer, String code, String valueType) {
    return new Problem(pointer, code, valueType, text(form, pointer, code, ""));
  }

  /**
   * A problem found by a form rule ({@code rule.x-visible-if}, {@code rule.x-compute}); {@code
   * code} is also the message key.
   */
  Problem rule(FormDefinition form, String pointer, String code, String valueType) {
    return new Problem(pointer, code, valueType, text(form, pointer, code, ""));
  }

  private LocalizedText text(FormDefinition form, String pointer, String key, Object extra) {
    if (form.field(pointer).isEmpty() || rendered.size() >= MAX_RENDERED) {
      return render(form, pointer, key, extra); // a pointer the form does not define: not cached
    }
    return rendered.computeIfAbsent(
        new Rendered(form.toString(), pointer, key, String.valueOf(extra)),
        k -> render(form, pointer, key, extra));
  }

  private LocalizedText render(FormDefinition form, String pointer, String key, Object extra) {
    LocalizedText label = label(form, pointer);
    return messages.text(
        key, new Object[] {label.vi(), extra}, new Object[] {label.in(Locale.ENGLISH), extra});
  }

  private static String code(String keyword, com.networknt.schema.Error error) {
    if ("format".equals(keyword)) {
      JsonNode format = error.getSchemaNode();
      return format != null && format.isTextual() ? "format." + format.asText() : "format";
    }
    if (KNOWN_KEYWORDS.contains(keyword) || LIMIT_KEYWORDS.contains(keyword)) {
      return "const".equals(keyword) ? "enum" : keyword;
    }
    return "schema." + keyword;
  }

  private static Object argument(com.networknt.schema.Error error) {
    Object[] arguments = error.getArguments();
    return arguments != null && arguments.length > 0 && arguments[0] != null ? arguments[0] : "";
  }

  /** The field's or section's label; for anything else, the last pointer token. */
  private static LocalizedText label(FormDefinition form, String pointer) {
    var field = form.field(pointer).map(FieldDefinition::label);
    if (field.isPresent()) {
      return field.get();
    }
    for (Section section : form.sections()) {
      if (section.pointer().equals(pointer)) {
        return section.label();
      }
    }
    if (pointer.isEmpty()) {
      return form.title();
    }
    String last = pointer.substring(pointer.lastIndexOf('/') + 1);
    return LocalizedText.of(last.isBlank() ? pointer : last);
  }

  /**
   * A problem found by OnceForm's own checks (not a JSON Schema keyword): {@code {0}} in the
   * message is the field's label, {@code {1}} and {@code {2}} are {@code first} and {@code second}
   * (reference data or another field's label, never the submitted value).
   */
  Problem own(
      FormDefinition form, String pointer, String code, String key, Object first, Object second) {
    LocalizedText label = label(form, pointer);
    return new Problem(
        pointer,
        code,
        "string",
        messages.text(
            key,
            new Object[] {label.vi(), localized(first, true), localized(second, true)},
            new Object[] {
              label.in(Locale.ENGLISH), localized(first, false), localized(second, false)
            }));
  }

  /** Returns the label of a field (for messages that name a second field). */
  static LocalizedText fieldLabel(FormDefinition form, String pointer) {
    return label(form, pointer);
  }

  private static Object localized(Object value, boolean vi) {
    return value instanceof LocalizedText text ? vi ? text.vi() : text.in(Locale.ENGLISH) : value;
  }
}
