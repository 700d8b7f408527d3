package dev.onceform.schema;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onceform.schema.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A loaded form: its identity ({@code x-form}), its sections and leaf fields, and the JSON Schema
 * document itself.
 *
 * <p>Immutable and thread-safe. Two versions of one form are two {@code FormDefinition}s and can be
 * used side by side.
 *
 * <pre>{@code
 * FormDefinition form = FormDefinition.load(Path.of("forms/birth-registration.json"));
 * form.fields().forEach(f -> System.out.println(f.pointer() + " " + f.label().vi()));
 * }</pre>
 */
public final class FormDefinition {
  private final String id;
  private final String version;
  private final String procedureCode;
  private final LocalizedText title;
  private final List<Section> sections;
  private final List<FieldDefinition> fields;
  private final Map<String, FieldDefinition> fieldsByPointer;
  private final JsonNode schema;
  private final String source;
  private final RuleReader.FormRules rules;

  FormDefinition(
      String id,
      String version,
      String procedureCode,
      LocalizedText title,
      List<Section> sections,
      List<FieldDefinition> fields,
      JsonNode schema,
      String source) {
    this.id = id;
    this.version = version;
    this.procedureCode = procedureCode;
    this.title = title;
    this.sections = List.copyOf(sections);
    this.fields = List.copyOf(fields);
    this.fieldsByPointer =
        this.fields.stream()
            .collect(Collectors.toUnmodifiableMap(FieldDefinition::pointer, Function.identity()));
    this.schema = schema;
    this.source = source;
    this.rules = RuleReader.read(schema, source);
  }

  /**
   * Parses a form from JSON text.
   *
   * @param json the form document
   * @param source a name used in error messages, such as the file name
   * @throws OnceFormException {@code OF-JSON-101} if it is not JSON, {@code OF-FORM-1xx} if it is
   *     not a form
   */
  public static FormDefinition parse(String json, String source) {
    requireNonNull(json, "json");
    requireNonNull(source, "source");
    return FormReader.read(Json.read(json, source), source);
  }

  /**
   * Parses a form from a stream of UTF-8 JSON. The stream is not closed.
   *
   * @throws OnceFormException as {@link #parse(String, String)}
   */
  public static FormDefinition parse(InputStream json, String source) {
    requireNonNull(json, "json");
    requireNonNull(source, "source");
    return FormReader.read(Json.read(json, source), source);
  }

  /**
   * Loads a form from a file.
   *
   * @throws OnceFormException {@code OF-FORM-106} if the file cannot be read, else as {@link
   *     #parse(String, String)}
   */
  public static FormDefinition load(Path file) {
    requireNonNull(file, "file");
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in, file.toString());
    } catch (NoSuchFileException e) {
      throw new OnceFormException("OF-FORM-106", "form file not found: " + file, e);
    } catch (IOException e) {
      throw new OnceFormException(
          "OF-FORM-106", "cannot read form file " + file + ": " + e.getMessage(), e);
    }
  }

  /** Returns the form id from {@code x-form.id}, e.g. {@code birth-registration}. */
  public String id() {
    return id;
  }

  /** Returns the semantic version from {@code x-form.version}, e.g. {@code 0.1.0}. */
  public String version() {
    return version;
  }

  /** Returns the national procedure code from {@code x-form.procedureCode}, or an empty string. */
  public String procedureCode() {
    return procedureCode;
  }

  /** Returns the form's title from {@code x-form.title}. */
  public LocalizedText title() {
    return title;
  }

  /** Returns the top-level sections in document order. */
  public List<Section> sections() {
    return sections;
  }

  /** Returns every leaf field in document order. */
  public List<FieldDefinition> fields() {
    return fields;
  }

  /** Returns the field at a JSON Pointer, such as {@code /mother/fullName}. */
  public Optional<FieldDefinition> field(String pointer) {
    return Optional.ofNullable(fieldsByPointer.get(requireNonNull(pointer, "pointer")));
  }

  /**
   * Returns the {@code x-visible-if} rules of every field and object section reached from the root
   * through {@code properties}, by JSON Pointer in document order (an object before its fields).
   * While a rule is false, its field, or the object and everything in it, is hidden.
   */
  public Map<String, Rule> visibilityRules() {
    return rules.visibility();
  }

  /** Returns the {@code x-rules} cross-field conditions of the root and its objects, in order. */
  public List<CrossFieldRule> crossFieldRules() {
    return rules.crossField();
  }

  /** Returns {@code x-form.hiddenFields}: what validation does with values of hidden fields. */
  public HiddenFields hiddenFields() {
    return rules.hiddenFields();
  }

  /** Returns a copy of the form's JSON Schema document. */
  public JsonNode schema() {
    return schema.deepCopy();
  }

  /** Returns where the form was loaded from (a file name or resource), for messages. */
  public String source() {
    return source;
  }

  /**
   * Compares two versions of one form and classifies each difference as compatible (every draft
   * valid under {@code from} is still valid under {@code to}) or breaking, with the JSON Pointers
   * of the fields and keywords that changed. Conservative: a change OnceForm cannot prove harmless
   * (for example in {@code oneOf}, {@code not}, {@code $ref} or an unknown keyword) counts as
   * breaking. The versions themselves are not compared.
   *
   * <pre>{@code
   * FormDiff diff = FormDefinition.diff(published, edited);
   * if (!diff.compatible()) diff.breakingChanges().forEach(c -> System.out.println(c.description()));
   * }</pre>
   *
   * @param from the old version
   * @param to the new version
   * @throws OnceFormException {@code OF-DIFF-101} if the two are not the same form (their ids
   *     differ)
   */
  public static FormDiff diff(FormDefinition from, FormDefinition to) {
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    return FormDiffer.diff(from, to);
  }

  /** Returns {@code id@version}. */
  @Override
  public String toString() {
    return id + "@" + version;
  }
}
