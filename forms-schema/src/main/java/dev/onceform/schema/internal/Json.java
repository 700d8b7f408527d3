package dev.onceform.schema.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.onceform.schema.OnceFormException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The one JSON reader configuration of OnceForm: duplicate keys and trailing content are errors,
 * and every error names its source, line and column.
 *
 * <p>Not API; may change without notice.
 */
public final class Json {
  /** Error code for input that is not well-formed JSON. */
  public static final String NOT_JSON = "OF-JSON-101";

  /** Error code for JSON that could not be read at all (I/O). */
  public static final String UNREADABLE = "OF-JSON-102";

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private Json() {}

  /** Returns the shared, thread-safe mapper (configured; never reconfigure it). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * Reads one JSON document.
   *
   * @param in the UTF-8 (or UTF-16/32, detected) bytes; not closed
   * @param source a name for messages, such as a file name
   * @throws OnceFormException {@code OF-JSON-101} with line and column when the input is not JSON
   */
  public static JsonNode read(InputStream in, String source) {
    try {
      JsonNode node = MAPPER.readTree(in);
      if (node == null || node.isMissingNode()) {
        throw new OnceFormException(
            NOT_JSON, source + ": the input is empty; expected a JSON document");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new OnceFormException(NOT_JSON, describe(source, e), e);
    } catch (IOException e) {
      throw new OnceFormException(UNREADABLE, source + ": could not be read: " + e.getMessage(), e);
    }
  }

  /** Reads one JSON document from a string. */
  public static JsonNode read(String json, String source) {
    return read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), source);
  }

  private static String describe(String source, JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    String where =
        at == null
            ? source
            : String.format(Locale.ROOT, "%s:%d:%d", source, at.getLineNr(), at.getColumnNr());
    return where + ": not valid JSON: " + e.getOriginalMessage();
  }
}
