package dev.onceform.core.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onceform.core.Subject;
import dev.onceform.core.prefill.PrefillResult;
import dev.onceform.core.prefill.PrefillSeal;
import dev.onceform.core.prefill.SealKeys;
import dev.onceform.core.validation.Problem;
import dev.onceform.schema.FieldDefinition;
import dev.onceform.schema.FormDefinition;
import dev.onceform.schema.PrefillBinding;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Makes and checks the seals over locked prefilled fields. The payload of a seal ({@link
 * SealToken}) is {@code {"v":1, "form":"id@version", "sub":…, "salt":…, "iat":…, "exp":…,
 * "locked":{pointer: digest}}}, where {@code sub} and each digest are HMAC-SHA256 (under the
 * signing key, truncated to 128 bits) of a per-seal random salt and the personal ID or the
 * canonical JSON of the value: nothing personal in clear, and not guessable without the key.
 * Immutable and thread-safe.
 */
public final class Sealer {
  private static final int SALT_BYTES = 16;
  private static final int DIGEST_BYTES = 16;
  private static final int VERSION = 1;

  private final Optional<SealKeys> keys;
  private final Duration ttl;
  private final ProblemMessages messages;
  private final ObjectMapper mapper = new ObjectMapper();
  private final SecureRandom random = new SecureRandom();

  /** Makes a sealer; with no keys it makes no seals and checks none. */
  public Sealer(Optional<SealKeys> keys, Duration ttl, ProblemMessages messages) {
    this.keys = requireNonNull(keys, "keys");
    this.ttl = requireNonNull(ttl, "ttl");
    this.messages = requireNonNull(messages, "messages");
  }

  /**
   * Seals the locked fields a prefill filled from registries; empty without keys or when the form
   * has no locked field.
   */
  public Optional<PrefillSeal> issue(
      FormDefinition form, Subject subject, PrefillResult result, Instant now) {
    List<String> locked = lockedPointers(form);
    if (keys.isEmpty() || locked.isEmpty()) {
      return Optional.empty();
    }
    SealKeys sealKeys = keys.get();
    String keyId = sealKeys.currentKeyId();
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    JsonNode data = result.data();
    ObjectNode payload =
        mapper
            .createObjectNode()
            .put("v", VERSION)
            .put("form", form.toString())
            .put("sub", digest(sealKeys, keyId, salt, "sub", "", subject.personalId()))
            .put("salt", SealToken.encode(salt))
            .put("iat", now.getEpochSecond())
            .put("exp", now.plus(ttl).getEpochSecond());
    ObjectNode values = payload.putObject("locked");
    for (String pointer : locked) {
      JsonNode value = data.at(pointer);
      if (result.provenance().containsKey(pointer) && !value.isMissingNode()) {
        values.put(
            pointer, digest(sealKeys, keyId, salt, "value", pointer, CanonicalJson.write(value)));
      }
    }
    return Optional.of(PrefillSeal.of(SealToken.sign(sealKeys, payload, mapper)));
  }

  /**
   * Checks a submission against its seal: the seal's form, subject and lifetime, then every sealed
   * value. Returns the problems, none when all is well.
   */
  public List<Problem> check(
      FormDefinition form,
      JsonNode submission,
      Optional<PrefillSeal> seal,
      Subject subject,
      Instant now) {
    if (seal.isEmpty()) {
      return keys.isPresent() && !lockedPointers(form).isEmpty()
          ? List.of(problem(form, "", "seal.missing", "missing"))
          : List.of();
    }
    Optional<SealToken.Verified> verified =
        keys.flatMap(k -> SealToken.verify(k, seal.get().token(), mapper));
    Optional<Claims> claims = verified.flatMap(Claims::of);
    if (claims.isEmpty()) {
      return List.of(problem(form, "", "seal.invalid", "string"));
    }
    Claims c = claims.get();
    SealKeys sealKeys = keys.orElseThrow();
    String keyId = verified.orElseThrow().keyId();
    byte[] salt = SealToken.decode(c.salt()).orElseThrow();
    if (!c.form().equals(form.toString())) {
      return List.of(problem(form, "", "seal.wrong-form", "string"));
    }
    if (!same(c.sub(), digest(sealKeys, keyId, salt, "sub", "", subject.personalId()))) {
      return List.of(problem(form, "", "seal.wrong-subject", "string"));
    }
    if (now.getEpochSecond() >= c.exp()) {
      return List.of(problem(form, "", "seal.expired", "string"));
    }
    List<Problem> problems = new ArrayList<>();
    for (Map.Entry<String, String> entry : c.locked().entrySet()) {
      String pointer = entry.getKey();
      JsonNode value = submission.at(JsonPointer.compile(pointer));
      String expected = digest(sealKeys, keyId, salt, "value", pointer, CanonicalJson.write(value));
      if (value.isMissingNode() || !same(entry.getValue(), expected)) {
        problems.add(problem(form, pointer, "seal.tampered", valueType(value)));
      }
    }
    return problems;
  }

  private Problem problem(FormDefinition form, String pointer, String code, String valueType) {
    return messages.seal(form, pointer, code, valueType);
  }

  private static String valueType(JsonNode value) {
    return value.isMissingNode() ? "missing" : value.getNodeType().name().toLowerCase(Locale.ROOT);
  }

  /** The pointers of the form's fields bound with {@code lock: true}. */
  static List<String> lockedPointers(FormDefinition form) {
    List<String> locked = new ArrayList<>();
    for (FieldDefinition field : form.fields()) {
      if (field.prefill().map(PrefillBinding::lock).orElse(false)) {
        locked.add(field.pointer());
      }
    }
    return locked;
  }

  private static String digest(
      SealKeys keys, String keyId, byte[] salt, String kind, String pointer, String text) {
    ByteArrayOutputStream input = new ByteArrayOutputStream();
    input.writeBytes(("onceform-seal/v1/" + kind).getBytes(StandardCharsets.UTF_8));
    input.write(0);
    input.writeBytes(salt);
    input.write(0);
    input.writeBytes(pointer.getBytes(StandardCharsets.UTF_8));
    input.write(0);
    input.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    byte[] mac = keys.mac(keyId, input.toByteArray());
    return SealToken.encode(Arrays.copyOf(mac, DIGEST_BYTES));
  }

  private static boolean same(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  /** The checked claims of a verified payload. */
  private record Claims(
      String form, String sub, String salt, long exp, Map<String, String> locked) {
    static Optional<Claims> of(SealToken.Verified verified) {
      ObjectNode payload = verified.payload();
      JsonNode locked = payload.path("locked");
      if (payload.path("v").asInt(-1) != VERSION
          || !payload.path("form").isTextual()
          || !payload.path("sub").isTextual()
          || !payload.path("exp").canConvertToLong()
          || !payload.path("exp").isIntegralNumber()
          || !locked.isObject()) {
        return Optional.empty();
      }
      String salt = payload.path("salt").asText("");
      if (SealToken.decode(salt).map(b -> b.length != SALT_BYTES).orElse(true)) {
        return Optional.empty();
      }
      Map<String, String> digests = new java.util.LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> entry : locked.properties()) {
        if (!entry.getValue().isTextual() || !isPointer(entry.getKey())) {
          return Optional.empty();
        }
        digests.put(entry.getKey(), entry.getValue().asText());
      }
      return Optional.of(
          new Claims(
              payload.get("form").asText(),
              payload.get("sub").asText(),
              salt,
              payload.get("exp").asLong(),
              digests));
    }

    private static boolean isPointer(String text) {
      try {
        return text.startsWith("/") && JsonPointer.compile(text) != null;
      } catch (IllegalArgumentException e) {
        return false;
      }
    }
  }
}
