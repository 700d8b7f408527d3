package dev.onceform.signing;

import dev.onceform.signing.spi.SignatureAlgorithm;
import dev.onceform.signing.spi.SignerKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A key on a PKCS#11 token: the private key is a handle, the signature is computed by the token
 * through the provider that opened it.
 *
 * <p>Thread-safe. Signing is serialised per key, because many tokens (smart cards, USB tokens) run
 * one operation at a time and some PKCS#11 libraries are not safe for concurrent sessions; to use
 * the parallelism of a network HSM, open one key per worker thread.
 */
final class Pkcs11SignerKey implements SignerKey {

  private final JcaSignerKey onToken;

  Pkcs11SignerKey(JcaSignerKey onToken) {
    this.onToken = onToken;
  }

  @Override
  public String id() {
    return onToken.id();
  }

  @Override
  public List<X509Certificate> certificateChain() {
    return onToken.certificateChain();
  }

  @Override
  public synchronized byte[] sign(byte[] toBeSigned, SignatureAlgorithm algorithm) {
    return onToken.sign(toBeSigned, algorithm);
  }

  @Override
  public String toString() {
    return "Pkcs11SignerKey[" + id() + "]";
  }
}
