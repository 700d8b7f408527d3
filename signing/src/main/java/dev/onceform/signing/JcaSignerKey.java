package dev.onceform.signing;

import dev.onceform.signing.spi.SignatureAlgorithm;
import dev.onceform.signing.spi.SignerKey;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A {@link SignerKey} over a JCA private key. Without a provider the JCA picks an installed
 * provider that accepts the key; a key of a provider that is not installed (such as a configured
 * {@code SunPKCS11}) is given that provider.
 */
final class JcaSignerKey implements SignerKey {

  private final String id;
  private final PrivateKey privateKey;
  private final List<X509Certificate> chain;
  private final @Nullable Provider provider;

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
