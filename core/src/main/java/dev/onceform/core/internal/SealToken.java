package dev.onceform.core.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onceform.core.prefill.SealKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The JWS compact serialization of a seal (RFC 7515, HS256): {@code
 * base64url(header).base64url(payload).base64url(HMAC-SHA256)}, header {@code {"alg":"HS256",
 * "kid":…}}. Verification bounds the token's size, checks the header and the MAC in constant time,
 * and only then parses the payload.
 */
final class SealToken {
  /** Longer tokens are rejected before any decoding. */
  static final int MAX_CHARS = 8192;

  private static final String ALG = "HS256";
  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-]+");
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  /** A token whose MAC matched: the key that made it and its payload. */
  record Verified(String keyId, ObjectNode payload) {}

  private SealToken() {}

  static String sign(SealKeys keys, ObjectNode payload, ObjectMapper mapper) {
    String keyId = keys.currentKeyId();
    ObjectNode header = mapper.createObjectNode().put("alg", ALG).put("kid", keyId);
    String signingInput = encode(bytes(mapper, header)) + "." + encode(bytes(mapper, payload));
    byte[] mac = keys.mac(keyId, signingInput.getBytes(StandardCharsets.US_ASCII));
    return signingInput + "." + encode(mac);
  }

  /** Returns the verified token, or empty if it is malformed, unknown-keyed or forged. */
  static Optional<Verified> verify(SealKeys keys, String token, ObjectMapper mapper) {
    if (token.length() > MAX_CHARS) {
      return Optional.empty();
    }
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3 || !isSegments(parts)) {
      return Optional.empty();
    }
    Optional<JsonNode> header = decode(parts[0]).flatMap(b -> json(mapper, b));
    if (header.isEmpty()
        || !ALG.equals(header.get().path("alg").asText(""))
        || !header.get().path("kid").isTextual()) {
      return Optional.empty();
    }
    String keyId = header.get().get("kid").asText();
    Optional<byte[]> mac = decode(parts[2]);
    byte[] signingInput = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
    if (mac.isEmpty() || !keys.verifyMac(keyId, signingInput, mac.get())) {
      return Optional.empty();
    }
    return decode(parts[1])
        .flatMap(b -> json(mapper, b))
        .filter(JsonNode::isObject)
        .map(payload -> new Verified(keyId, (ObjectNode) payload));
  }

  static String encode(byte[] bytes) {
    return ENCODER.encodeToString(bytes);
  }

  static Optional<byte[]> decode(String segment) {
    if (!SEGMENT.matcher(segment).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Base64.getUrlDecoder().decode(segment));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static boolean isSegments(String[] parts) {
    for (String part : parts) {
      if (!SEGMENT.matcher(part).matches()) {
        return false;
      }
    }
    return true;
  }

  private static Optional<JsonNode> json(ObjectMapper mapper, byte[] bytes) {
    try {
      return Optional.ofNullable(mapper.readTree(bytes)).filter(JsonNode::isObject);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static byte[] bytes(ObjectMapper mapper, JsonNode node) {
    try {
      return mapper.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a seal as JSON", e);
    }
  }
}
