package dev.onceform.signing;

import dev.onceform.signing.spi.SignatureAlgorithm;
import dev.onceform.signing.spi.SignerKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A {@link SignerKey} over a JCA private key. Without a provider the JCA picks an installed
 * provider that accepts the key; a key of a provider that is not installed (such as a configured
 * {@code SunPKCS11}) is given that provider.
 *
 * <p>A key held in the JVM (no provider given) is checked against its certificate once, when it is
 * made: an RSA key must have the certificate's modulus, an EC key must make a signature that the
 * certificate's public key verifies. Such a key cannot change afterwards, so {@link
 * KeyContentSigner} does not check each of its signatures again; keys outside the JVM (a token, a
 * remote service) are still checked on every signature.
 */
final class JcaSignerKey implements SignerKey {

  private final String id;
  private final PrivateKey privateKey;
  private final List<X509Certificate> chain;
  private final @Nullable Provider provider;
  private final boolean pairChecked;

  JcaSignerKey(String id, PrivateKey privateKey, List<X509Certificate> chain) {
    this(id, privateKey, chain, null);
  }

  JcaSignerKey(
      String id, PrivateKey privateKey, List<X509Certificate> chain, @Nullable Provider provider) {
    if (chain.isEmpty()) {
      throw SigningException.of(
          SigningException.CERTIFICATE_CHAIN_INVALID,
          "key '%s' has no certificate; pass the signer certificate (and its issuers) with the key",
          id);
    }
    this.id = id;
    this.privateKey = privateKey;
    this.chain = List.copyOf(chain);
    this.provider = provider;
    String keyAlgorithm = normalize(privateKey.getAlgorithm());
    String certificateAlgorithm = normalize(this.chain.get(0).getPublicKey().getAlgorithm());
    if (!keyAlgorithm.equals(certificateAlgorithm)) {
      throw SigningException.of(
          SigningException.CERTIFICATE_CHAIN_INVALID,
          "key '%s' is an %s key but its certificate '%s' holds an %s key; pass the certificate"
              + " that belongs to the key",
          id,
          keyAlgorithm,
          this.chain.get(0).getSubjectX500Principal().getName(),
          certificateAlgorithm);
    }
    this.pairChecked = provider == null && matchesCertificate(id, privateKey, this.chain.get(0));
  }

  /**
   * True if this in-JVM key was shown, when it was made, to belong to its certificate; its
   * signatures then need no check each.
   */
  boolean pairChecked() {
    return pairChecked;
  }

  /**
   * Checks an in-JVM key against its certificate.
   *
   * @return true if the check ran and passed; false if it could not run (an unusual key type), so
   *     that each signature is checked instead
   * @throws SigningException {@code OF-SIGN-306} if the key and certificate do not belong together
   */
  private static boolean matchesCertificate(
      String id, PrivateKey privateKey, X509Certificate certificate) {
    PublicKey publicKey = certificate.getPublicKey();
    boolean matches;
    if (privateKey instanceof RSAKey rsa && publicKey instanceof RSAKey rsaPublic) {
      matches = rsa.getModulus().equals(rsaPublic.getModulus());
    } else if (privateKey instanceof ECKey && publicKey instanceof ECKey) {
      try {
        byte[] probe = "OnceForm key check".getBytes(StandardCharsets.US_ASCII);
        Signature signature = Signature.getInstance("SHA256withECDSA");
        signature.initSign(privateKey);
        signature.update(probe);
        byte[] value = signature.sign();
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(publicKey);
        verifier.update(probe);
        matches = verifier.verify(value);
      } catch (GeneralSecurityException e) {
        return false; // each signature is checked instead
      }
    } else {
      return false;
    }
    if (!matches) {
      throw SigningException.of(
          SigningException.SIGNATURE_MISMATCH,
          "key '%s' does not belong to its certificate '%s'; pass the certificate that belongs to"
              + " the key",
          id,
          certificate.getSubjectX500Principal().getName());
    }
    return true;
  }

  private static String normalize(String algorithm) {
    return "ECDSA".equals(algorithm) ? "EC" : algorithm;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public List<X509Certificate> certificateChain() {
    return chain;
  }

  @Override
  public byte[] sign(byte[] toBeSigned, SignatureAlgorithm algorithm) {
    try {
      Signature signature =
          provider == null
              ? Signature.getInstance(algorithm.jcaName())
              : Signature.getInstance(algorithm.jcaName(), provider);
      signature.initSign(privateKey);
      // After initSign, so that the JCA picks the provider by the key (a PKCS#11 key, say).
      if (algorithm.parameterSpec().isPresent()) {
        signature.setParameter(algorithm.parameterSpec().get());
      }
      signature.update(toBeSigned);
      return signature.sign();
    } catch (GeneralSecurityException e) {
      throw SigningException.of(
          e,
          SigningException.SIGNER_KEY_FAILED,
          "key '%s' could not sign with %s: %s; check that the key supports this algorithm",
          id,
          algorithm.jcaName(),
          e.getMessage());
    }
  }

  @Override
  public String toString() {
    return "JcaSignerKey[" + id + "]";
  }
}
