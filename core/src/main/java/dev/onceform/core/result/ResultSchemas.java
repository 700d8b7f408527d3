package dev.onceform.core.result;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onceform.schema.OnceFormException;
import dev.onceform.schema.SchemaViolation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The published JSON Schemas of result templates ({@link #TEMPLATE}) and result documents ({@link
 * #RESULT}, the {@code result.json} of an electronic result). Both ship in this jar and are never
 * fetched. Stateless and thread-safe.
 */
public final class ResultSchemas {
  /** The id of the result template schema. */
  public static final String TEMPLATE = "https://onceform.dev/schema/result-template/1.0";

  /** The id of the result document ({@code result.json}) schema. */
  public static final String RESULT = "https://onceform.dev/schema/result/1.0";

  private static final Map<String, String> RESOURCES =
      Map.of(TEMPLATE, "schema/result-template-1.0.json", RESULT, "schema/result-1.0.json");

  private ResultSchemas() {}

  /** Returns the ids of the schemas, sorted. */
  public static Set<String> ids() {
    return new TreeSet<>(RESOURCES.keySet());
  }

  /**
   * Returns the text of a schema.
   *
   * @throws OnceFormException {@code OF-RESULT-101} for an id that is not one of {@link #ids()}
   */
  public static String text(String id) {
    requireNonNull(id, "id");
    String resource = RESOURCES.get(id);
    if (resource == null) {
      throw new OnceFormException(
          ResultErrors.NOT_FOUND,
          "'" + id + "' is not a OnceForm result schema; use one of " + ids());
    }
    try (InputStream in = ResultSchemas.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("resource missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(
          "schema " + id + " is missing from the onceform-core jar; rebuild or re-download it", e);
    }
  }

  /**
   * Checks a template document against {@link #TEMPLATE}.
   *
   * @return every violation, in the order found; empty when the document is valid
   */
  public static List<SchemaViolation> validateTemplate(JsonNode template) {
    return TemplateHolder.CHECKER.check(requireNonNull(template, "template"));
  }

  /**
   * Checks a result document ({@code result.json}) against {@link #RESULT}.
   *
   * @return every violation, in the order found; empty when the document is valid
   */
  public static List<SchemaViolation> validateResult(JsonNode result) {
    return ResultHolder.CHECKER.check(requireNonNull(result, "result"));
  }

  private static final class TemplateHolder {
    static final SchemaChecker CHECKER = SchemaChecker.compile(TEMPLATE, text(TEMPLATE));
  }

  private static final class ResultHolder {
    static final SchemaChecker CHECKER = SchemaChecker.compile(RESULT, text(RESULT));
  }
}
