package dev.onceform.signing;

import static java.util.Objects.requireNonNull;

import dev.onceform.signing.spi.DigestSigner;
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
 *
 * <p>Besides PKCS#12 files: keys on PKCS#11 tokens ({@link #pkcs11(Pkcs11Config)}), keys in a
 * remote signing service ({@link #remote(String, List, DigestSigner)}), and any JCA private key
 * ({@link #of(String, PrivateKey, List)}).
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
   * Opens the key on a PKCS#11 token (smart card, USB token, HSM) through the JDK's {@code
   * SunPKCS11} provider: the private key stays on the token, which computes every signature. The
   * PIN is used to log in and not kept by the key. The certificate chain is read from the token,
   * unless the configuration supplies one.
   *
   * <p>The key is thread-safe; its signatures are serialised, because most tokens run one operation
   * at a time. Each call opens a new provider instance with its own sessions; the JDK loads the
   * library once per process and shares the token's login state between them, as PKCS#11 defines.
   *
   * @param config where the token and key are, and the PIN
   * @return the key
   * @throws SigningException {@code OF-SIGN-110} if the runtime has no SunPKCS11, {@code
   *     OF-SIGN-111} if the library is missing or not a PKCS#11 module, {@code OF-SIGN-112} if the
   *     slot holds no usable token, {@code OF-SIGN-113} if the PIN is wrong, {@code OF-SIGN-114} if
   *     the PIN's environment variable is not set, {@code OF-SIGN-115} if login fails otherwise
   *     (PIN locked), {@code OF-SIGN-116} if the token cannot be read, {@code OF-SIGN-104}/{@code
   *     105}/{@code 106} if there is no key, no key under the alias, or several keys and no alias,
   *     {@code OF-SIGN-107} if the certificate is missing or the supplied chain does not match
   */
  public static SignerKey pkcs11(Pkcs11Config config) {
    return Pkcs11Token.open(requireNonNull(config, "config"));
  }

  /**
   * Adapts a remote signing service ("hash out, signature back") to a {@link SignerKey}: the key
   * hashes the bytes to be signed and sends only the digest to {@code service}. The private key
   * never enters the JVM; the certificate chain is the one the service's CA issued for it.
   *
   * @param id an identifier for messages, e.g. {@code remote:ca.example.vn#credential-7}; no
   *     secrets
   * @param chain the certificate chain, signer certificate first
   * @param service the service's sign-a-digest operation; thread-safe
   * @return the key, thread-safe if {@code service} is; failures of the service are reported as
   *     {@code OF-SIGN-305}, a signature that does not match the certificate as {@code OF-SIGN-306}
   * @throws SigningException {@code OF-SIGN-107} if the chain is empty
   */
  public static SignerKey remote(String id, List<X509Certificate> chain, DigestSigner service) {
    return new RemoteSignerKey(
        requireNonNull(id, "id"),
        requireNonNull(chain, "chain"),
        requireNonNull(service, "service"));
  }

  /**
   * Wraps a JCA private key and its certificate chain. The key must be usable by an installed JCA
   * provider, which the JCA chooses when signing; for a key on a PKCS#11 token use {@link
   * #pkcs11(Pkcs11Config)}, which signs with the token's own provider.
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
