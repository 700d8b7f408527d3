package dev.onceform.schema;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onceform.schema.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The registries forms may prefill from and the attributes each gives. The built-in catalog
 * declares the national registries ({@code population}, {@code civil-status}, {@code enterprise},
 * {@code judicial-records}, {@code land}, {@code tax}, {@code social-insurance}); an agency
 * declares its local databases ({@code "local": true}) in a catalog of its own and adds them with
 * {@link #with(SourceCatalog)}.
 *
 * <p>A catalog is a JSON document valid against {@code
 * https://onceform.dev/schema/source-catalog/1.0} ({@link MetaSchemas#SOURCE_CATALOG}). Immutable
 * and thread-safe.
 */
public final class SourceCatalog {
  static final String INVALID = "OF-CAT-101";
  static final String UNREADABLE = "OF-CAT-102";
  static final String MISSING_BUILT_IN = "OF-CAT-103";

  private static final int MAX_LISTED = 10;

  private final Map<String, RegistrySource> sources;

  private SourceCatalog(Map<String, RegistrySource> sources) {
    this.sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
  }

  /** Returns the built-in catalog of national registries (read from the jar once). */
  public static SourceCatalog builtIn() {
    return BuiltIn.CATALOG;
  }

  /**
   * Parses a catalog document.
   *
   * @param json the catalog
   * @param source a name for messages, such as the file name
   * @throws OnceFormException {@code OF-JSON-101} if it is not JSON, {@code OF-CAT-101} (naming the
   *     source and the JSON Pointer of each problem) if it is not a valid catalog
   */
  public static SourceCatalog parse(String json, String source) {
    requireNonNull(json, "json");
    requireNonNull(source, "source");
    return read(Json.read(json, source), source);
  }

  /**
   * Loads a catalog document from a file.
   *
   * @throws OnceFormException {@code OF-CAT-102} if the file cannot be read, otherwise as {@link
   *     #parse(String, String)}
   */
  public static SourceCatalog load(Path file) {
    requireNonNull(file, "file");
    try (InputStream in = Files.newInputStream(file)) {
      return read(Json.read(in, file.toString()), file.toString());
    } catch (NoSuchFileException e) {
      throw new OnceFormException(
          UNREADABLE, "source catalog " + file + " does not exist; check the path", e);
    } catch (IOException e) {
      throw new OnceFormException(
          UNREADABLE, "source catalog " + file + " cannot be read: " + e.getMessage(), e);
    }
  }

  private static SourceCatalog read(JsonNode root, String source) {
    List<SchemaViolation> violations = MetaSchemas.validateCatalog(root);
    if (!violations.isEmpty()) {
      throw new OnceFormException(INVALID, describe(source, violations));
    }
    Map<String, RegistrySource> sources = new LinkedHashMap<>();
    root.path("sources").properties().forEach(e -> sources.put(e.getKey(), source(e)));
    return new SourceCatalog(sources);
  }

  private static String describe(String source, List<SchemaViolation> violations) {
    String listed =
        violations.stream()
            .limit(MAX_LISTED)
            .map(v -> source + "#" + v.pointer() + ": " + v.message())
            .collect(Collectors.joining("; "));
    int more = violations.size() - MAX_LISTED;
    return "not a valid source catalog ("
        + MetaSchemas.SOURCE_CATALOG
        + "): "
        + listed
        + (more > 0 ? "; and " + more + " more" : "")
        + "; fix the members named (guide: docs/form-language.md, \"Source catalog\")";
  }

  private static RegistrySource source(Map.Entry<String, JsonNode> entry) {
    JsonNode node = entry.getValue();
    Map<String, SourceAttribute> attributes = new LinkedHashMap<>();
    node.path("attributes")
        .properties()
        .forEach(a -> attributes.put(a.getKey(), attribute(a.getKey(), a.getValue())));
    return new RegistrySource(
        entry.getKey(),
        text(node.path("name")),
        node.has("authority") ? Optional.of(text(node.path("authority"))) : Optional.empty(),
        node.path("local").booleanValue(),
        attributes);
  }

  private static SourceAttribute attribute(String name, JsonNode node) {
    return new SourceAttribute(
        name,
        node.path("type").asText(),
        optional(node, "format"),
        optional(node, "codeList"),
        text(node.path("description")),
        node.path("identifiesPerson").booleanValue());
  }

  private static LocalizedText text(JsonNode node) {
    JsonNode en = node.get("en");
    return en == null
        ? LocalizedText.of(node.path("vi").asText())
        : LocalizedText.of(node.path("vi").asText(), en.asText());
  }

  private static Optional<String> optional(JsonNode node, String name) {
    JsonNode value = node.get(name);
    return value == null ? Optional.empty() : Optional.of(value.asText());
  }

  /**
   * Returns a catalog with this catalog's sources and {@code other}'s; where both declare a source
   * id, {@code other}'s declaration wins (whole source, not attribute by attribute) and keeps this
   * catalog's position. Sources only {@code other} declares come last, in its order.
   */
  public SourceCatalog with(SourceCatalog other) {
    requireNonNull(other, "other");
    Map<String, RegistrySource> merged = new LinkedHashMap<>(sources);
    merged.putAll(other.sources);
    return new SourceCatalog(merged);
  }

  /** Returns a source by id. */
  public Optional<RegistrySource> source(String id) {
    return Optional.ofNullable(sources.get(requireNonNull(id, "id")));
  }

  /** Returns every source, in declaration order. */
  public Collection<RegistrySource> sources() {
    return sources.values();
  }

  /** Returns the source ids, e.g. {@code SourceCatalog[population, civil-status, …]}. */
  @Override
  public String toString() {
    return "SourceCatalog" + sources.keySet();
  }

  /** Reads the built-in catalog on first use (JVM class initialisation is thread-safe). */
  private static final class BuiltIn {
    static final SourceCatalog CATALOG = load();

    private static SourceCatalog load() {
      String resource = "catalog/sources.json";
      try (InputStream in = SourceCatalog.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw missing(resource, null);
        }
        return read(Json.read(in, resource), "built-in " + resource);
      } catch (IOException e) {
        throw missing(resource, e);
      }
    }

    private static OnceFormException missing(String resource, @Nullable IOException cause) {
      return new OnceFormException(
          MISSING_BUILT_IN,
          "the built-in source catalog (dev/onceform/schema/"
              + resource
              + ") is missing from the onceform-forms-schema jar or unreadable; the jar is damaged,"
              + " rebuild or re-download it",
          cause);
    }
  }
}
