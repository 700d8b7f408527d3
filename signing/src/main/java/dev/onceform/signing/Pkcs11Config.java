package dev.onceform.signing;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * How to reach a signer key on a PKCS#11 token (smart card, USB token, HSM) through the JDK's
 * {@code SunPKCS11} provider: the token's PKCS#11 library, the slot, the user PIN and the key's
 * alias. Pass it to {@link SignerKeys#pkcs11(Pkcs11Config)}.
 *
 * <pre>{@code
 * Pkcs11Config config = Pkcs11Config.builder()
 *     .library(Path.of("/usr/lib/softhsm/libsofthsm2.so"))
 *     .slot(243007080)
 *     .pinFromEnvironment("ONCEFORM_TOKEN_PIN")
 *     .keyAlias("signer")
 *     .build();
 * SignerKey key = SignerKeys.pkcs11(config);
 * }</pre>
 *
 * <p>The JDK's {@code SunPKCS11} selects a token by slot id or by its index in the module's slot
 * list, not by token label: {@code pkcs11-tool --module LIBRARY -L} lists the slots with their ids
 * and token labels.
 *
 * <p>A configuration given a PIN with {@link Builder#pin(char[])} holds a copy of it; keep it only
 * until the key is opened. {@link #toString()} never shows the PIN. Instances are immutable and
 * thread-safe.
 */
public final class Pkcs11Config {

  private final Path library;
  private final @Nullable Long slot;
  private final @Nullable Integer slotListIndex;
  private final char @Nullable [] pin;
  private final @Nullable String pinEnvironmentVariable;
  private final @Nullable String keyAlias;
  private final List<X509Certificate> certificateChain;

  private Pkcs11Config(Builder builder, Path library) {
    this.library = library;
    this.slot = builder.slot;
    this.slotListIndex = builder.slotListIndex;
    this.pin = builder.pin == null ? null : builder.pin.clone();
    this.pinEnvironmentVariable = builder.pinEnvironmentVariable;
    this.keyAlias = builder.keyAlias;
    this.certificateChain = builder.certificateChain;
  }

  /**
   * Returns a new builder; {@link Builder#library(Path)} and a PIN are required.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the path of the token's PKCS#11 library ({@code .so}, {@code .dll}, {@code .dylib}).
   *
   * @return the library path
   */
  public Path library() {
    return library;
  }

  /**
   * Returns the slot id, if the token is chosen by slot id.
   *
   * @return the slot id, or empty
   */
  public OptionalLong slot() {
    return slot == null ? OptionalLong.empty() : OptionalLong.of(slot);
  }

  /**
   * Returns the index in the module's slot list, if the token is chosen by index; when neither a
   * slot id nor an index is set, {@code SunPKCS11} uses index 0.
   *
   * @return the slot list index, or empty
   */
  public OptionalInt slotListIndex() {
    return slotListIndex == null ? OptionalInt.empty() : OptionalInt.of(slotListIndex);
  }

  /**
   * Returns the name of the environment variable the PIN is read from, if the PIN comes from one.
   *
   * @return the variable name, or empty
   */
  public Optional<String> pinEnvironmentVariable() {
    return Optional.ofNullable(pinEnvironmentVariable);
  }

  /**
   * Returns the alias of the key on the token, if one was given; without it the token must hold
   * exactly one private key with a certificate.
   *
   * @return the alias, or empty
   */
  public Optional<String> keyAlias() {
    return Optional.ofNullable(keyAlias);
  }

  /**
   * Returns the certificate chain to use instead of the one found on the token, or an empty list to
   * read the chain from the token.
   *
   * @return the chain, signer certificate first, or empty
   */
  public List<X509Certificate> certificateChain() {
    return certificateChain;
  }

  /** Where the key is, for identifiers and messages: {@code libsofthsm2.so/slot-12}. */
  String location() {
    String where;
    if (slot != null) {
      where = "slot-" + slot;
    } else {
      where = "index-" + (slotListIndex == null ? 0 : slotListIndex);
    }
    return library.getFileName() + "/" + where;
  }

  /** Returns a fresh copy of the PIN; the caller clears it. */
  char[] resolvePin() {
    if (pin != null) {
      return pin.clone();
    }
    String variable = requireNonNull(pinEnvironmentVariable, "pinEnvironmentVariable");
    String value = System.getenv(variable);
    if (value == null || value.isEmpty()) {
      throw SigningException.of(
          SigningException.PKCS11_PIN_MISSING,
          "environment variable '%s' should hold the PIN of the token in %s but is %s; set it, or"
              + " pass the PIN with Pkcs11Config.Builder.pin(char[])",
          variable,
          location(),
          value == null ? "not set" : "empty");
    }
    return value.toCharArray();
  }

  @Override
  public String toString() {
    return "Pkcs11Config["
        + location()
        + (keyAlias == null ? "" : "#" + keyAlias)
        + (pinEnvironmentVariable == null ? ", pin given" : ", pin from $" + pinEnvironmentVariable)
        + "]";
  }

  /** Builds a {@link Pkcs11Config}; not thread-safe. */
  public static final class Builder {
    private @Nullable Path library;
    private @Nullable Long slot;
    private @Nullable Integer slotListIndex;
    private char @Nullable [] pin;
    private @Nullable String pinEnvironmentVariable;
    private @Nullable String keyAlias;
    private List<X509Certificate> certificateChain = List.of();

    private Builder() {}

    /**
     * Sets the token's PKCS#11 library (required), e.g. {@code /usr/lib/softhsm/libsofthsm2.so}.
     *
     * @param library the library file
     * @return this builder
     */
    public Builder library(Path library) {
      this.library = requireNonNull(library, "library");
      return this;
    }

    /**
     * Chooses the token by slot id, as {@code pkcs11-tool -L} shows it.
     *
     * @param slot the slot id, zero or more
     * @return this builder
     * @throws IllegalArgumentException if the id is negative
     */
    public Builder slot(long slot) {
      if (slot < 0) {
        throw new IllegalArgumentException("slot must be zero or more, but was " + slot);
      }
      this.slot = slot;
      return this;
    }

    /**
     * Chooses the token by its index in the module's list of slots (0 is the first).
     *
     * @param index the index, zero or more
     * @return this builder
     * @throws IllegalArgumentException if the index is negative
     */
    public Builder slotListIndex(int index) {
      if (index < 0) {
        throw new IllegalArgumentException("slotListIndex must be zero or more, but was " + index);
      }
      this.slotListIndex = index;
      return this;
    }

    /**
     * Sets the user PIN; the builder and the configuration keep copies, the caller may clear its
     * array afterwards.
     *
     * @param pin the PIN, not empty
     * @return this builder
     * @throws IllegalArgumentException if the PIN is empty
     */
    public Builder pin(char[] pin) {
      requireNonNull(pin, "pin");
      if (pin.length == 0) {
        throw new IllegalArgumentException("pin must not be empty");
      }
      if (this.pin != null) {
        Arrays.fill(this.pin, '\0');
      }
      this.pin = pin.clone();
      this.pinEnvironmentVariable = null;
      return this;
    }

    /**
     * Reads the user PIN from an environment variable when the key is opened, so that the PIN
     * appears neither in configuration files nor on command lines.
     *
     * @param name the variable name, e.g. {@code ONCEFORM_TOKEN_PIN}
     * @return this builder
     * @throws IllegalArgumentException if the name is blank
     */
    public Builder pinFromEnvironment(String name) {
      this.pinEnvironmentVariable = requireText(name, "pinFromEnvironment");
      if (this.pin != null) {
        Arrays.fill(this.pin, '\0');
      }
      this.pin = null;
      return this;
    }

    /**
     * Sets the alias of the key on the token: the label of its certificate ({@code CKA_LABEL}).
     *
     * @param alias the alias
     * @return this builder
     * @throws IllegalArgumentException if the alias is blank
     */
    public Builder keyAlias(String alias) {
      this.keyAlias = requireText(alias, "keyAlias");
      return this;
    }

    /**
     * Sets the certificate chain to embed, for tokens that hold only the signer certificate. Its
     * first certificate must be the token's certificate for the key.
     *
     * @param chain the chain, signer certificate first
     * @return this builder
     * @throws IllegalArgumentException if the chain is empty
     */
    public Builder certificateChain(List<X509Certificate> chain) {
      requireNonNull(chain, "chain");
      if (chain.isEmpty()) {
        throw new IllegalArgumentException(
            "certificateChain must hold at least the signer certificate, but was empty");
      }
      this.certificateChain = List.copyOf(chain);
      return this;
    }

    /**
     * Builds the configuration.
     *
     * @return the configuration
     * @throws IllegalStateException if the library or the PIN is missing, or both a slot id and a
     *     slot list index were set
     */
    public Pkcs11Config build() {
      Path chosen = library;
      if (chosen == null) {
        throw new IllegalStateException(
            "library is required; call library(Path) with the token's PKCS#11 library");
      }
      if (pin == null && pinEnvironmentVariable == null) {
        throw new IllegalStateException(
            "a PIN is required; call pin(char[]) or pinFromEnvironment(String)");
      }
      if (slot != null && slotListIndex != null) {
        throw new IllegalStateException(
            "set either slot (" + slot + ") or slotListIndex (" + slotListIndex + "), not both");
      }
      return new Pkcs11Config(this, chosen);
    }

    private static String requireText(String value, String name) {
      requireNonNull(value, name);
      if (value.isBlank()) {
        throw new IllegalArgumentException(name + " must not be blank, but was '" + value + "'");
      }
      return value;
    }
  }
}
