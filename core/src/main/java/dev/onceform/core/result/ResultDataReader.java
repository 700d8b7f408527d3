package dev.onceform.core.result;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onceform.schema.OnceFormException;
import dev.onceform.schema.SchemaViolation;
import dev.onceform.schema.internal.Json;
import java.io.ByteArrayInputStream;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads a {@code result.json} back into a {@link ResultData}. */
final class ResultDataReader {
  private ResultDataReader() {}

  static ResultData read(byte[] json) {
    JsonNode root;
    try {
      root = Json.read(new ByteArrayInputStream(json), "result.json");
    } catch (OnceFormException e) {
      throw new OnceFormException(
          ResultErrors.INVALID_RESULT, e.getMessage() + "; expected a result.json", e);
    }
    List<SchemaViolation> violations = ResultSchemas.validateResult(root);
    if (!violations.isEmpty()) {
      throw new OnceFormException(
          ResultErrors.INVALID_RESULT,
          "result.json breaks "
              + ResultSchemas.RESULT
              + ": "
              + violations.get(0)
              + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : "")
              + "; it was not written by OnceForm or was changed");
    }
    Map<String, JsonNode> data = new TreeMap<>();
    root.path("data").properties().forEach(m -> data.put(m.getKey(), m.getValue()));
    Map<String, String> provenance = new TreeMap<>();
    root.path("provenance")
        .properties()
        .forEach(m -> provenance.put(m.getKey(), m.getValue().asText()));
    JsonNode issuer = root.path("issuer");
    return new ResultData(
        root.path("template").path("id").asText(),
        root.path("template").path("version").asText(),
        root.path("form").path("id").asText(),
        root.path("form").path("version").asText(),
        root.path("procedureCode").asText(),
        root.path("receiptNumber").asText(),
        OffsetDateTime.parse(root.path("issuedAt").asText()),
        new ResultTemplate.Agency(
            TemplateReader.text(issuer.path("name")), issuer.path("code").asText()),
        TemplateReader.text(root.path("title")),
        root.path("subject").asText(),
        data,
        provenance);
  }
}
