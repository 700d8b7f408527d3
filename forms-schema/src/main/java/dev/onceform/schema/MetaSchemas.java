package dev.onceform.schema;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The JSON Schemas OnceForm publishes for its own documents: the form meta-schema {@link #FORM} and
 * the source catalog schema {@link #SOURCE_CATALOG}. Both ship in this jar and are never fetched
 * from the network; {@link #text(String)} gives a schema's text so that it can be written to disk
 * for an editor.
 *
 * <p>Each schema is compiled once, on first use. All methods are thread-safe.
 */
public final class MetaSchemas {
  /**
   * Id of the form meta-schema: JSON Schema 2020-12 plus the shape of every {@code x-*} keyword.
   */
  public static final String FORM = "https://onceform.dev/schema/form/1.0";

  /** Id of the schema for source catalogs (see {@link SourceCatalog}). */
  public static final String SOURCE_CATALOG = "https://onceform.dev/schema/source-catalog/1.0";

  static final String UNKNOWN_SCHEMA = "OF-META-101";
  static final String MISSING_SCHEMA = "OF-META-102";

  private static final Map<String, String> RESOURCES =
      Map.of(FORM, "meta/form-1.0.json", SOURCE_CATALOG, "meta/source-catalog-1.0.json");

  private MetaSchemas() {}

  /** Returns the ids of the published schemas. */
  public static Set<String> ids() {
    return new TreeSet<>(RESOURCES.keySet());
  }

  /**
   * Returns a schema's text, as shipped in this jar (UTF-8 JSON).
   *
   * @param id {@link #FORM} or {@link #SOURCE_CATALOG}
   * @throws OnceFormException {@code OF-META-101} if the id is not one of OnceForm's schemas
   */
  public static String text(String id) {
    requireNonNull(id, "id");
    String resource = RESOURCES.get(id);
    if (resource == null) {
      throw new OnceFormException(
          UNKNOWN_SCHEMA, "'" + id + "' is not a OnceForm schema; use one of " + ids());
    }
    try (InputStream in = MetaSchemas.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw missing(id, resource, null);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw missing(id, resource, e);
    }
  }

  private static OnceFormException missing(
      String id, String resource, @Nullable IOException cause) {
    return new OnceFormException(
        MISSING_SCHEMA,
        "schema "
            + id
            + " (dev/onceform/schema/"
            + resource
            + ") is missing from the onceform-forms-schema jar or unreadable; the jar is damaged,"
            + " rebuild or re-download it",
        cause);
  }

  /**
   * Checks a form document against the form meta-schema {@link #FORM}.
   *
   * @param form the whole form document
   * @return every violation, in the order found; empty when the form is valid
   */
  public static List<SchemaViolation> validateForm(JsonNode form) {
    return FormHolder.CHECKER.check(requireNonNull(form, "form"));
  }

  /**
   * Checks a source catalog document against {@link #SOURCE_CATALOG}.
   *
   * @param catalog the whole catalog document
   * @return every violation, in the order found; empty when the catalog is valid
   */
  public static List<SchemaViolation> validateCatalog(JsonNode catalog) {
    return CatalogHolder.CHECKER.check(requireNonNull(catalog, "catalog"));
  }

  /** Compiles the form meta-schema on first use (JVM class initialisation is thread-safe). */
  private static final class FormHolder {
    static final MetaSchemaChecker CHECKER = MetaSchemaChecker.compile(FORM, texts());
  }

  private static final class CatalogHolder {
    static final MetaSchemaChecker CHECKER = MetaSchemaChecker.compile(SOURCE_CATALOG, texts());
  }

  private static Map<String, String> texts() {
    return Map.of(FORM, text(FORM), SOURCE_CATALOG, text(SOURCE_CATALOG));
  }
}
