package dev.onceform.core.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The line format of the hash-chained JSON Lines audit log, shared by the writer and the verifier.
 *
 * <p>A line is one JSON object whose last two members are {@code "prev"} (the hash of the previous
 * line, or 64 zeros on the first line) and {@code "hash"}. The hash is the lower-case hex SHA-256
 * of the line's UTF-8 bytes up to (not including) {@code ,"hash":}, followed by {@code }}: that is,
 * of the line as it would read without its hash member.
 */
final class ChainFormat {
  /** The {@code prev} of the first line. */
  static final String GENESIS = "0".repeat(64);

  private static final Pattern HASH_SUFFIX = Pattern.compile(",\"hash\":\"([0-9a-f]{64})\"}\\z");
  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
  private static final JsonFactory JSON = new JsonFactory();
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private ChainFormat() {}

  /** Returns the line (without its newline) for an event, its sequence number and the prev hash. */
  static String line(AuditEvent event, long seq, String prev) {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeNumberField("seq", seq);
      json.writeStringField("time", event.time().toString());
      json.writeStringField("correlationId", event.correlationId());
      json.writeStringField("form", event.formId());
      json.writeStringField("purpose", event.purpose());
      json.writeStringField("source", event.source());
      json.writeStringField("adapter", event.adapter());
      json.writeStringField("subject", event.subject());
      json.writeArrayFieldStart("attributes");
      for (String attribute : event.attributes()) {
        json.writeString(attribute);
      }
      json.writeEndArray();
      json.writeStringField("outcome", event.outcome().name());
      json.writeNumberField("durationMs", durationMillis(event));
      json.writeStringField("prev", prev);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String content = out.toString();
    String withoutClose = content.substring(0, content.length() - 1);
    return withoutClose + ",\"hash\":\"" + sha256(content) + "\"}";
  }

  /** Milliseconds with three decimals (microsecond precision). */
  private static BigDecimal durationMillis(AuditEvent event) {
    long micros = event.duration().toNanos() / 1_000;
    return BigDecimal.valueOf(micros, 3);
  }

  /** Reads a line, or throws {@link Malformed} saying what is wrong with it. */
  static Parsed parse(String line) throws Malformed {
    Matcher suffix = HASH_SUFFIX.matcher(line);
    if (!suffix.find()) {
      throw new Malformed("the line does not end with a \"hash\" member of 64 hex digits");
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(line);
    } catch (IOException e) {
      throw new Malformed("not a JSON object");
    }
    if (!(node instanceof ObjectNode object)) {
      throw new Malformed("not a JSON object");
    }
    JsonNode seq = object.get("seq");
    JsonNode prev = object.get("prev");
    if (seq == null || !seq.canConvertToLong() || !seq.isIntegralNumber() || seq.asLong() < 1) {
      throw new Malformed("\"seq\" is missing or not a positive integer");
    }
    if (prev == null || !prev.isTextual() || !HEX64.matcher(prev.asText()).matches()) {
      throw new Malformed("\"prev\" is missing or not 64 lower-case hex digits");
    }
    String hash = suffix.group(1);
    String content = line.substring(0, suffix.start()) + "}";
    return new Parsed(seq.asLong(), prev.asText(), hash, sha256(content).equals(hash));
  }

  /** Decodes a line's bytes as strict UTF-8. */
  static String decode(byte[] line) throws CharacterCodingException {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(line))
        .toString();
  }

  private static String sha256(String content) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(content.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /**
   * A line that is well-formed.
   *
   * @param seq its sequence number
   * @param prev the hash it names as the previous line's
   * @param hash its own hash, as written
   * @param intact whether {@code hash} matches the line's content
   */
  record Parsed(long seq, String prev, String hash, boolean intact) {}

  /** A line that is not a chain line: not JSON, or without seq, prev or hash. */
  static final class Malformed extends Exception {
    private static final long serialVersionUID = 1L;
    private final String detail;

    Malformed(String detail) {
      super(detail);
      this.detail = detail;
    }

    /** Returns what is wrong with the line. */
    String detail() {
      return detail;
    }
  }
}
