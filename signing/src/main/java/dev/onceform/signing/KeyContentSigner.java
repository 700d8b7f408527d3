package dev.onceform.signing;

import dev.onceform.signing.spi.SignatureAlgorithm;
import dev.onceform.signing.spi.SignerKey;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.Signature;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.ContentSigner;

/**
 * Adapts a {@link SignerKey} to BouncyCastle's {@link ContentSigner}, and checks the returned
 * signature against the certificate so that a key paired with the wrong certificate is caught
 * before the PDF is written. An in-JVM key that was checked when it was made ({@link
 * JcaSignerKey#pairChecked()}) is not checked again on each signature.
 */
final class KeyContentSigner implements ContentSigner {

  private final SignerKey key;
  private final SignatureAlgorithm algorithm;
  private final Provider provider;
  private final AlgorithmIdentifier algorithmIdentifier;
  private final ByteArrayOutputStream toBeSigned = new ByteArrayOutputStream();

  KeyContentSigner(SignerKey key, SignatureAlgorithm algorithm, Provider provider) {
    this.key = key;
    this.algorithm = algorithm;
    this.provider = provider;
    this.algorithmIdentifier = CmsAlgorithms.identifier(algorithm);
  }

  @Override
  public AlgorithmIdentifier getAlgorithmIdentifier() {
    return algorithmIdentifier;
  }

  @Override
  public OutputStream getOutputStream() {
    return toBeSigned;
  }

  @Override
  public byte[] getSignature() {
    byte[] data = toBeSigned.toByteArray();
    byte[] signature;
    try {
      signature = key.sign(data, algorithm);
    } catch (SigningException e) {
      throw e;
    } catch (RuntimeException e) {
      throw SigningException.of(
          e,
          SigningException.SIGNER_KEY_FAILED,
          "signer key '%s' (%s) failed: %s",
          key.id(),
          key.getClass().getName(),
          e.toString());
    }
    if (!(key instanceof JcaSignerKey local && local.pairChecked())) {
      requireMatchesCertificate(data, signature);
    }
    return signature;
  }

  private void requireMatchesCertificate(byte[] data, byte[] signature) {
    boolean valid;
    try {
      Signature verifier = Signature.getInstance(algorithm.jcaName(), provider);
      verifier.initVerify(key.certificate().getPublicKey());
      if (algorithm.parameterSpec().isPresent()) {
        verifier.setParameter(algorithm.parameterSpec().get());
      }
      verifier.update(data);
      valid = verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      throw SigningException.of(
          e,
          SigningException.SIGNATURE_MISMATCH,
          "the %s signature from key '%s' cannot be checked: %s",
          algorithm.jcaName(),
          key.id(),
          e.getMessage());
    }
    if (!valid) {
      throw SigningException.of(
          SigningException.SIGNATURE_MISMATCH,
          "the signature from key '%s' does not verify with certificate '%s'; the key and the"
              + " certificate do not belong together",
          key.id(),
          key.certificate().getSubjectX500Principal().getName());
    }
  }
}
