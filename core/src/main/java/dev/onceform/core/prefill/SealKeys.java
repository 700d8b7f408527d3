package dev.onceform.core.prefill;

import static java.util.Objects.requireNonNull;

import dev.onceform.schema.OnceFormException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * The keys that seal prefilled locked fields, supplied by the application: one current key that
 * signs new seals and older keys that still verify seals made before a rotation. Each key has an
 * id, written into every seal it makes ({@code kid}).
 *
 * <pre>{@code
 * SealKeys keys = SealKeys.builder()
 *     .hmac("2026-11", secretFromVault)      // signs new seals
 *     .hmac("2026-05", previousSecret)       // still verifies seals issued before the rotation
 *     .current("2026-11")
 *     .build();
 * FormEngine engine = FormEngine.builder().sealKeys(keys)...build();
 * }</pre>
 *
 * <p>To rotate: add the new key and make it current, keep the old one for at least the seal
 * lifetime ({@code FormEngine.Builder#sealTtl}), then remove it. A seal whose key id is no longer
 * known is reported as {@code seal.invalid}.
 *
 * <p>Immutable and thread-safe; the key bytes are copied and never returned.
 */
public final class SealKeys {
  /** The shortest HMAC key accepted, in bytes (the HMAC-SHA256 output length). */
  public static final int MIN_HMAC_KEY_BYTES = 32;

  private static final String HMAC = "HmacSHA256";
  private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private final Map<String, SecretKeySpec> keys;
  private final String current;

  private SealKeys(Map<String, SecretKeySpec> keys, String current) {
    this.keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
    this.current = current;
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the id of the key that signs new seals. */
  public String currentKeyId() {
    return current;
  }

  /** Returns the ids of every key that verifies seals, the current one included. */
  public Set<String> keyIds() {
    return keys.keySet();
  }

  /**
   * Computes the HMAC-SHA256 of {@code data} under a key. The engine uses it to sign seals and to
   * digest the values in them; applications rarely need it.
   *
   * @throws OnceFormException {@code OF-SEAL-104} if no key has this id
   */
  public byte[] mac(String keyId, byte[] data) {
    requireNonNull(keyId, "keyId");
    requireNonNull(data, "data");
    SecretKeySpec key = keys.get(keyId);
    if (key == null) {
      throw new OnceFormException(
          "OF-SEAL-104",
          "no seal key has id '"
              + keyId
              + "'; known ids: "
              + keys.keySet()
              + ". Check keyIds() before asking for a MAC");
    }
    return newMac(key).doFinal(data);
  }

  /**
   * Checks an HMAC-SHA256 in constant time.
   *
   * @return false if the MAC does not match or no key has this id
   */
  public boolean verifyMac(String keyId, byte[] data, byte[] mac) {
    requireNonNull(keyId, "keyId");
    requireNonNull(data, "data");
    requireNonNull(mac, "mac");
    SecretKeySpec key = keys.get(keyId);
    return key != null && MessageDigest.isEqual(newMac(key).doFinal(data), mac);
  }

  private static Mac newMac(SecretKeySpec key) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(key);
      return mac;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("the JDK cannot compute " + HMAC, e);
    }
  }

  /** Builds {@link SealKeys}. Not thread-safe. */
  public static final class Builder {
    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
    private @Nullable String current;

    private Builder() {}

    /**
     * Adds an HMAC-SHA256 key (HS256). The bytes are copied; clear your array afterwards if you
     * like.
     *
     * @param keyId the key's id: 1 to 64 letters, digits, {@code .}, {@code _} or {@code -}
     * @param key at least {@value #MIN_HMAC_KEY_BYTES} random bytes, e.g. from a key vault
     * @throws OnceFormException {@code OF-SEAL-101} if the key is too short, {@code OF-SEAL-102} if
     *     the id is malformed or already used
     */
    public Builder hmac(String keyId, byte[] key) {
      requireNonNull(keyId, "keyId");
      requireNonNull(key, "key");
      if (!KEY_ID.matcher(keyId).matches()) {
        throw new OnceFormException(
            "OF-SEAL-102",
            "seal key id '"
                + keyId
                + "' is malformed; use 1 to 64 letters, digits, '.', '_' or '-', e.g. '2026-11'");
      }
      if (key.length < MIN_HMAC_KEY_BYTES) {
        throw new OnceFormException(
            "OF-SEAL-101",
            "seal key '"
                + keyId
                + "' has "
                + key.length
                + " bytes, but an HMAC-SHA256 key needs at least "
                + MIN_HMAC_KEY_BYTES
                + "; generate "
                + MIN_HMAC_KEY_BYTES
                + " random bytes with SecureRandom or your key vault");
      }
      if (keys.containsKey(keyId)) {
        throw new OnceFormException(
            "OF-SEAL-102", "seal key id '" + keyId + "' is already used; give each key its own id");
      }
      keys.put(keyId, new SecretKeySpec(key, HMAC)); // SecretKeySpec keeps its own copy
      return this;
    }

    /** Chooses the key that signs new seals; optional when there is only one key. */
    public Builder current(String keyId) {
      this.current = requireNonNull(keyId, "keyId");
      return this;
    }

    /**
     * Returns the keys.
     *
     * @throws OnceFormException {@code OF-SEAL-103} if there is no key, if there are several and
     *     none is current, or if the current id names no key
     */
    public SealKeys build() {
      if (keys.isEmpty()) {
        throw new OnceFormException(
            "OF-SEAL-103", "no seal key was added; add one with SealKeys.builder().hmac(id, key)");
      }
      String chosen = current;
      if (chosen == null) {
        if (keys.size() > 1) {
          throw new OnceFormException(
              "OF-SEAL-103",
              "there are "
                  + keys.size()
                  + " seal keys "
                  + keys.keySet()
                  + " but none is current; choose the signing key with current(id)");
        }
        chosen = keys.keySet().iterator().next();
      } else if (!keys.containsKey(chosen)) {
        throw new OnceFormException(
            "OF-SEAL-103",
            "current seal key '"
                + chosen
                + "' was not added; known ids: "
                + keys.keySet()
                + ". Add it with hmac(id, key) or fix the id");
      }
      return new SealKeys(keys, chosen);
    }
  }
}
