package dev.onceform.signing;

import dev.onceform.signing.spi.DigestSigner;
import dev.onceform.signing.spi.SignatureAlgorithm;
import dev.onceform.signing.spi.SignerKey;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A {@link SignerKey} whose private key lives in a remote signing service: it hashes the bytes to
 * be signed and sends only the digest to a {@link DigestSigner}.
 */
final class RemoteSignerKey implements SignerKey {

  private final String id;
  private final List<X509Certificate> chain;
  private final DigestSigner service;

  RemoteSignerKey(String id, List<X509Certificate> chain, DigestSigner service) {
    if (chain.isEmpty()) {
      throw SigningException.of(
          SigningException.CERTIFICATE_CHAIN_INVALID,
          "remote key '%s' has no certificate; pass the signer certificate (and its issuers) the"
              + " signing service holds the key for",
          id);
    }
    this.id = id;
    this.chain = List.copyOf(chain);
    this.service = service;
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
    byte[] digest = digest(toBeSigned, algorithm);
    byte[] signature;
    try {
      signature = service.signDigest(digest, algorithm);
    } catch (SigningException e) {
      throw e;
    } catch (RuntimeException e) {
      throw SigningException.of(
          e,
          SigningException.SIGNER_KEY_FAILED,
          "the remote signing service of key '%s' failed to sign a %s digest: %s; check the"
              + " service and the credentials",
          id,
          algorithm.digestAlgorithm().jcaName(),
          e.toString());
    }
    if (signature == null || signature.length == 0) {
      throw SigningException.of(
          SigningException.SIGNER_KEY_FAILED,
          "the remote signing service of key '%s' returned no signature; check its answer",
          id);
    }
    return signature.clone();
  }

  private byte[] digest(byte[] toBeSigned, SignatureAlgorithm algorithm) {
    try {
      return MessageDigest.getInstance(algorithm.digestAlgorithm().jcaName()).digest(toBeSigned);
    } catch (NoSuchAlgorithmException e) {
      throw SigningException.of(
          e,
          SigningException.SIGNER_KEY_FAILED,
          "this Java runtime has no %s digest for remote key '%s'",
          algorithm.digestAlgorithm().jcaName(),
          id);
    }
  }

  @Override
  public String toString() {
    return "RemoteSignerKey[" + id + "]";
  }
}
