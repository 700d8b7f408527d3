package dev.onceform.core.result;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onceform.schema.OnceFormException;
import dev.onceform.schema.SchemaViolation;
import dev.onceform.schema.internal.LocatedJson;
import dev.onceform.schema.internal.LocatedJson.Position;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Loads {@link ResultTemplate}s from JSON files ({@link ResultSchemas#TEMPLATE}) and gives the
 * built-in templates of the six sample procedures. Stateless and thread-safe.
 *
 * <pre>{@code
 * ResultTemplate template = ResultTemplates.load(Path.of("templates/birth-certificate.json"));
 * ResultTemplate builtIn = ResultTemplates.builtIn("birth-certificate").orElseThrow();
 * }</pre>
 *
 * <p>Loading stops at the first problem and names it as {@code file:line:column #/pointer:
 * message}; {@link ResultTemplateLinter} reports every problem, and also checks a template against
 * its form.
 */
public final class ResultTemplates {
  private static final List<String> BUILT_IN =
      List.of(
          "birth-certificate",
          "business-household-certificate",
          "death-extract",
          "judicial-record-certificate",
          "marital-status-certificate",
          "residence-registration-notice");

  private ResultTemplates() {}

  /** Returns the ids of the built-in templates, sorted. */
  public static Set<String> builtInIds() {
    return BuiltIn.TEMPLATES.keySet();
  }

  /**
   * Returns a built-in template: one for each sample form's {@code x-form.result}.
   *
   * @return the template, or empty if there is no built-in template with that id
   */
  public static Optional<ResultTemplate> builtIn(String id) {
    requireNonNull(id, "id");
    return Optional.ofNullable(BuiltIn.TEMPLATES.get(id));
  }

  /**
   * Loads a template from a file.
   *
   * @throws OnceFormException {@code OF-RESULT-102} if the file cannot be read, else as {@link
   *     #parse}
   */
  public static ResultTemplate load(Path file) {
    requireNonNull(file, "file");
    return parse(read(file), file.toString());
  }

  /**
   * Parses a template from JSON text.
   *
   * @param json the template document
   * @param source a name for messages, such as the file name
   * @throws OnceFormException {@code OF-RESULT-103} if the text is not JSON, {@code OF-RESULT-104}
   *     if it breaks the template schema, {@code OF-RESULT-105} if its ids do not fit together or a
   *     Vietnamese text is blank; each message starts with {@code source:line:column}
   */
  public static ResultTemplate parse(String json, String source) {
    requireNonNull(json, "json");
    requireNonNull(source, "source");
    LocatedJson located;
    try {
      located = LocatedJson.parse(json);
    } catch (LocatedJson.MalformedJsonException e) {
      throw new OnceFormException(
          ResultErrors.NOT_JSON,
          at(source, e.position())
              + ": not valid JSON: "
              + e.getMessage()
              + "; fix the JSON there");
    }
    JsonNode root = located.root();
    List<SchemaViolation> violations = ResultSchemas.validateTemplate(root);
    if (!violations.isEmpty()) {
      SchemaViolation first = violations.get(0);
      throw new OnceFormException(
          ResultErrors.INVALID_TEMPLATE,
          at(source, located.valueAt(first.pointer()))
              + " #"
              + first.pointer()
              + ": "
              + first.message()
              + more(violations.size())
              + "; see docs/results.md or run onceform lint on the file");
    }
    List<TemplateReader.Problem> problems = TemplateReader.structure(root);
    if (!problems.isEmpty()) {
      TemplateReader.Problem first = problems.get(0);
      throw new OnceFormException(
          ResultErrors.INCONSISTENT_TEMPLATE,
          at(source, located.valueAt(first.pointer()))
              + " #"
              + first.pointer()
              + ": "
              + first.message()
              + more(problems.size())
              + "; "
              + first.hint());
    }
    return TemplateReader.read(root, source);
  }

  /**
   * Returns whether a JSON text declares itself a result template: an object whose {@code $schema}
   * is {@link ResultSchemas#TEMPLATE}. Text that is not JSON is not a template.
   */
  public static boolean isTemplate(String json) {
    requireNonNull(json, "json");
    try {
      JsonNode root = dev.onceform.schema.internal.Json.mapper().readTree(json);
      return root != null && ResultSchemas.TEMPLATE.equals(root.path("$schema").asText());
    } catch (IOException e) {
      return false;
    }
  }

  static String read(Path file) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (NoSuchFileException e) {
      throw new OnceFormException(
          ResultErrors.UNREADABLE, "template file not found: " + file + "; check the path", e);
    } catch (CharacterCodingException e) {
      throw new OnceFormException(
          ResultErrors.NOT_JSON, file + ": not UTF-8 text; save the template as UTF-8", e);
    } catch (IOException e) {
      throw new OnceFormException(
          ResultErrors.UNREADABLE, "cannot read template file " + file + ": " + e.getMessage(), e);
    }
  }

  /** Returns the text of a built-in template. */
  static String builtInText(String id) {
    String resource = "templates/" + id + ".json";
    try (InputStream in = ResultTemplates.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("resource missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(
          "built-in template " + id + " is missing from the onceform-core jar; rebuild it", e);
    }
  }

  private static String at(String source, Position position) {
    return String.format(Locale.ROOT, "%s:%d:%d", source, position.line(), position.column());
  }

  private static String more(int count) {
    return count == 1 ? "" : " (and " + (count - 1) + " more problem" + (count == 2 ? ")" : "s)");
  }

  /** Parses the built-in templates on first use (JVM class initialisation is thread-safe). */
  private static final class BuiltIn {
    static final Map<String, ResultTemplate> TEMPLATES =
        java.util.Collections.unmodifiableMap(
            new TreeMap<>(
                BUILT_IN.stream()
                    .collect(
                        Collectors.toMap(
                            Function.identity(),
                            id ->
                                parse(
                                    builtInText(id),
                                    "dev/onceform/core/result/templates/" + id + ".json")))));
  }
}
