package dev.onceform.signing.testing;

import dev.onceform.signing.spi.SignatureAlgorithm;
import dev.onceform.signing.spi.SignerKey;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;

/**
 * Lets BouncyCastle generators sign with a {@link SignerKey}, without any of {@code PadesSigner}'s
 * checks: for tests that make signatures the library would refuse to make. One instance per
 * signature.
 */
public final class SignerKeyContentSigner implements ContentSigner {

  private final SignerKey key;
  private final SignatureAlgorithm algorithm;
  private final ByteArrayOutputStream toBeSigned = new ByteArrayOutputStream();

  /**
   * Makes a content signer.
   *
   * @param key the key that signs
   * @param algorithm the signature algorithm, one the key supports
   */
  public SignerKeyContentSigner(SignerKey key, SignatureAlgorithm algorithm) {
    this.key = key;
    this.algorithm = algorithm;
  }

  @Override
  public AlgorithmIdentifier getAlgorithmIdentifier() {
    // RSASSA-PSS: BouncyCastle's name for it with MGF1 of the same digest and a salt as long.
    String name =
        algorithm.parameterSpec().isPresent()
            ? algorithm.digestAlgorithm().jcaName().replace("-", "") + "WITHRSAANDMGF1"
            : algorithm.jcaName();
    return new DefaultSignatureAlgorithmIdentifierFinder().find(name);
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
