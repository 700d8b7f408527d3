package dev.onceform.signing.testing;

import dev.onceform.signing.spi.SignatureAlgorithm;
import dev.onceform.signing.spi.SignerKey;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;

/** Lets BouncyCastle generators sign with a {@link SignerKey}; one instance per signature. */
final class SignerKeyContentSigner implements ContentSigner {

  private final SignerKey key;
  private final SignatureAlgorithm algorithm;
  private final ByteArrayOutputStream toBeSigned = new ByteArrayOutputStream();

  SignerKeyContentSigner(SignerKey key, SignatureAlgorithm algorithm) {
    this.key = key;
    this.algorithm = algorithm;
  }

  @Override
  public AlgorithmIdentifier getAlgorithmIdentifier() {
    return new DefaultSignatureAlgorithmIdentifierFinder().find(algorithm.jcaName());
  }

  @Override
  public OutputStream getOutputStream() {
    return toBeSigned;
  }

  @Override
  public byte[] getSignature() {
    return key.sign(toBeSigned.toByteArray(), algorithm);
  }
}
