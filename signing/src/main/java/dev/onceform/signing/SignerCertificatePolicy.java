package dev.onceform.signing;

import dev.onceform.signing.spi.SignatureAlgorithm;
import dev.onceform.signing.spi.SignerKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;

/** What the signer checks on its own certificate before it signs. */
final class SignerCertificatePolicy {

  static final int MIN_RSA_BITS = 2048;

  private SignerCertificatePolicy() {}

  /** Picks the signature algorithm for the key, or explains why the key cannot sign PAdES. */
  static SignatureAlgorithm algorithmFor(
      SignerKey key, DigestAlgorithm digest, RsaPadding padding) {
    X509Certificate certificate = key.certificate();
    PublicKey publicKey = certificate.getPublicKey();
    if (publicKey instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() < MIN_RSA_BITS) {
      throw SigningException.of(
          SigningException.KEY_ALGORITHM_UNSUPPORTED,
          "key '%s' is a %d-bit RSA key; use an RSA key of at least %d bits or an ECDSA key",
          key.id(),
          rsa.getModulus().bitLength(),
          MIN_RSA_BITS);
    }
    if (padding == RsaPadding.PSS && !(publicKey instanceof RSAPublicKey)) {
      throw SigningException.of(
          SigningException.KEY_ALGORITHM_UNSUPPORTED,
          "key '%s' is a %s key, but RSA-PSS padding was asked for; PSS needs an RSA key: remove"
              + " rsaPadding(PSS) for this key or use an RSA key",
          key.id(),
          publicKey.getAlgorithm());
    }
    if (padding == RsaPadding.PSS) {
      return CmsAlgorithms.pss(digest);
    }
    return SignatureAlgorithm.of(publicKey.getAlgorithm(), digest)
        .orElseThrow(
            () ->
                SigningException.of(
                    SigningException.KEY_ALGORITHM_UNSUPPORTED,
                    "key '%s' is a %s key; PAdES signing supports RSA and ECDSA keys",
                    key.id(),
                    publicKey.getAlgorithm()));
  }

  /** Refuses a certificate that is outside its validity or not meant for signatures. */
  static void requireUsable(SignerKey key, Instant signingTime) {
    X509Certificate certificate = key.certificate();
    String subject = certificate.getSubjectX500Principal().getName();
    Instant notAfter = certificate.getNotAfter().toInstant();
    Instant notBefore = certificate.getNotBefore().toInstant();
    if (signingTime.isAfter(notAfter)) {
      throw SigningException.of(
          SigningException.CERTIFICATE_EXPIRED,
          "certificate '%s' of key '%s' expired on %s (signing time %s); renew the certificate",
          subject,
          key.id(),
          notAfter,
          signingTime);
    }
    if (signingTime.isBefore(notBefore)) {
      throw SigningException.of(
          SigningException.CERTIFICATE_NOT_YET_VALID,
          "certificate '%s' of key '%s' is valid only from %s (signing time %s); check the clock",
          subject,
          key.id(),
          notBefore,
          signingTime);
    }
    if (!allowsSignatures(certificate)) {
      throw SigningException.of(
          SigningException.KEY_USAGE,
          "certificate '%s' of key '%s' is not for signatures (key usage has neither"
              + " digitalSignature nor nonRepudiation); use the signing certificate of the token",
          subject,
          key.id());
    }
  }

  /** True if the key usage extension is present and allows digitalSignature or nonRepudiation. */
  static boolean allowsSignatures(X509Certificate certificate) {
    boolean[] usage = certificate.getKeyUsage();
    return usage != null && ((usage.length > 0 && usage[0]) || (usage.length > 1 && usage[1]));
  }
}
