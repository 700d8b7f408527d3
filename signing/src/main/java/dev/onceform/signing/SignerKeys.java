package dev.onceform.signing;

import static java.util.Objects.requireNonNull;

import dev.onceform.signing.spi.SignerKey;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Factories for the built-in {@link SignerKey} implementations.
 *
 * <pre>{@code
 * SignerKey key = SignerKeys.pkcs12(Path.of("signer.p12"), password);
 * PadesSigner signer = PadesSigner.builder().key(key).build();
 * }</pre>
 */
public final class SignerKeys {

  private SignerKeys() {}

  /**
   * Loads the only private key of a PKCS#12 key store ({@code .p12}/{@code .pfx}), with its
   * certificate chain. The key password must equal the store password, as in files made by OpenSSL,
   * keytool and Windows.
   *
   * @param file the key store file
   * @param password the store password; not kept after this call
   * @return the key, immutable and thread-safe
   * @throws SigningException {@code OF-SIGN-101} if the file is missing or unreadable, {@code
   *     OF-SIGN-102} if the password is wrong, {@code OF-SIGN-103} if it is not a PKCS#12 file,
   *     {@code OF-SIGN-104} if it holds no private key, {@code OF-SIGN-106} if it holds several
   *     (pass an alias), {@code OF-SIGN-107} if the chain is missing
   */
  public static SignerKey pkcs12(Path file, char[] password) {
    return Pkcs12KeyStore.load(
        requireNonNull(file, "file"), requireNonNull(password, "password"), null);
  }

  /**
   * Loads the private key under {@code alias} from a PKCS#12 key store.
   *
   * @param file the key store file
   * @param password the store password (also the key password); not kept after this call
   * @param alias the alias of the private key entry
   * @return the key, immutable and thread-safe
   * @throws SigningException as {@link #pkcs12(Path, char[])}, and {@code OF-SIGN-105} if the alias
   *     is absent or not a private key entry
   */
  public static SignerKey pkcs12(Path file, char[] password, String alias) {
    return Pkcs12KeyStore.load(
        requireNonNull(file, "file"),
        requireNonNull(password, "password"),
        requireNonNull(alias, "alias"));
  }

  /**
   * Wraps a JCA private key and its certificate chain. The key may belong to any installed JCA
   * provider (for example a hardware key from a {@code SunPKCS11} key store); the provider is
   * chosen by the JCA when signing.
   *
   * @param id an identifier for messages, e.g. {@code token:signing-key}; no secrets
   * @param privateKey the private key
   * @param chain the certificate chain, signer certificate first
   * @return the key, immutable and thread-safe
   * @throws SigningException {@code OF-SIGN-107} if the chain is empty or its first certificate
   *     holds a key of another algorithm
   */
  public static SignerKey of(String id, PrivateKey privateKey, List<X509Certificate> chain) {
    return new JcaSignerKey(
        requireNonNull(id, "id"),
        requireNonNull(privateKey, "privateKey"),
        requireNonNull(chain, "chain"));
  }
}
