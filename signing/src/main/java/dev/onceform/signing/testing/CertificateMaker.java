package dev.onceform.signing.testing;

import dev.onceform.signing.SigningException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Makes the keys and certificates of a {@link TestPki} with BouncyCastle. */
final class CertificateMaker {

  private static final Duration DAY = Duration.ofDays(1);
  private static final Duration YEAR = Duration.ofDays(365);
  private static final Duration SHORT_LIVED = Duration.ofDays(30);

  private final Instant now;
  private final SecureRandom random = new SecureRandom();
  private final BouncyCastleProvider provider = new BouncyCastleProvider();

  CertificateMaker(Instant now) {
    this.now = now;
  }

  KeyPair generateKeyPair(TestPki.KeyType type) {
    try {
      if (type != TestPki.KeyType.RSA_2048) {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        String curve = type == TestPki.KeyType.EC_P384 ? "secp384r1" : "secp256r1";
        generator.initialize(new ECGenParameterSpec(curve), random);
        return generator.generateKeyPair();
      }
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048, random);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw failure("key pair " + type, e);
    }
  }

  X509Certificate caCertificate(String subject, KeyPair keys) {
    X500Principal name = name(subject);
    try {
      JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
                  name,
                  serial(),
                  Date.from(now.minus(YEAR.multipliedBy(10))),
                  Date.from(now.plus(YEAR.multipliedBy(10))),
                  name,
                  keys.getPublic())
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
              .addExtension(
                  Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
              .addExtension(
                  Extension.subjectKeyIdentifier,
                  false,
                  extensions.createSubjectKeyIdentifier(keys.getPublic()));
      return sign(builder, keys.getPrivate());
    } catch (GeneralSecurityException | CertIOException e) {
      throw failure("CA certificate " + subject, e);
    }
  }

  X509Certificate signerCertificate(
      String subject,
      PublicKey publicKey,
      X509Certificate ca,
      PrivateKey caKey,
      TestPki.SignerValidity validity,
      TestPki.SignerKeyUsage keyUsage,
      RevocationPointers pointers) {
    Instant notBefore = notBefore(validity);
    try {
      JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
                  ca,
                  serial(),
                  Date.from(notBefore),
                  Date.from(
                      notBefore.plus(
                          validity == TestPki.SignerValidity.SHORT_LIVED ? SHORT_LIVED : YEAR)),
                  name(subject),
                  publicKey)
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
              .addExtension(Extension.keyUsage, true, keyUsage(keyUsage))
              .addExtension(
                  Extension.subjectKeyIdentifier,
                  false,
                  extensions.createSubjectKeyIdentifier(publicKey))
              .addExtension(
                  Extension.authorityKeyIdentifier,
                  false,
                  extensions.createAuthorityKeyIdentifier(ca));
      pointers.addTo(builder);
      return sign(builder, caKey);
    } catch (GeneralSecurityException | CertIOException e) {
      throw failure("signer certificate " + subject, e);
    }
  }

  X509Certificate tsaCertificate(
      String subject,
      PublicKey publicKey,
      X509Certificate ca,
      PrivateKey caKey,
      TestPki.TsaKeyUsage usage,
      RevocationPointers pointers) {
    Instant notBefore = now.minus(DAY);
    try {
      JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
                  ca,
                  serial(),
                  Date.from(notBefore),
                  Date.from(notBefore.plus(YEAR)),
                  name(subject),
                  publicKey)
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
              .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
              .addExtension(
                  Extension.subjectKeyIdentifier,
                  false,
                  extensions.createSubjectKeyIdentifier(publicKey))
              .addExtension(
                  Extension.authorityKeyIdentifier,
                  false,
                  extensions.createAuthorityKeyIdentifier(ca));
      if (usage == TestPki.TsaKeyUsage.TIME_STAMPING) {
        builder.addExtension(
            Extension.extendedKeyUsage,
            true,
            new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
      }
      pointers.addTo(builder);
      return sign(builder, caKey);
    } catch (GeneralSecurityException | CertIOException e) {
      throw failure("TSA certificate " + subject, e);
    }
  }

  /** An intermediate CA certificate issued by {@code root}, valid for five years around now. */
  X509Certificate intermediateCertificate(
      String subject,
      PublicKey publicKey,
      X509Certificate root,
      PrivateKey rootKey,
      RevocationPointers pointers) {
    try {
      JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
                  root,
                  serial(),
                  Date.from(now.minus(YEAR.multipliedBy(5))),
                  Date.from(now.plus(YEAR.multipliedBy(5))),
                  name(subject),
                  publicKey)
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
              .addExtension(
                  Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
              .addExtension(
                  Extension.subjectKeyIdentifier,
                  false,
                  extensions.createSubjectKeyIdentifier(publicKey))
              .addExtension(
                  Extension.authorityKeyIdentifier,
                  false,
                  extensions.createAuthorityKeyIdentifier(root));
      pointers.addTo(builder);
      return sign(builder, rootKey);
    } catch (GeneralSecurityException | CertIOException e) {
      throw failure("intermediate CA certificate " + subject, e);
    }
  }

  /**
   * A delegated OCSP responder certificate issued by {@code ca}: key usage digitalSignature, (if
   * {@code noCheck}) id-pkix-ocsp-nocheck, and (if {@code ocspSigning}) the extended key usage
   * id-kp-OCSPSigning.
   */
  X509Certificate ocspResponderCertificate(
      String subject,
      PublicKey publicKey,
      X509Certificate ca,
      PrivateKey caKey,
      boolean ocspSigning,
      boolean noCheck) {
    Instant notBefore = now.minus(DAY);
    try {
      JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
                  ca,
                  serial(),
                  Date.from(notBefore),
                  Date.from(notBefore.plus(YEAR)),
                  name(subject),
                  publicKey)
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
              .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
              .addExtension(
                  Extension.authorityKeyIdentifier,
                  false,
                  extensions.createAuthorityKeyIdentifier(ca));
      if (noCheck) {
        builder.addExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, false, DERNull.INSTANCE);
      }
      if (ocspSigning) {
        builder.addExtension(
            Extension.extendedKeyUsage,
            false,
            new ExtendedKeyUsage(KeyPurposeId.id_kp_OCSPSigning));
      }
      return sign(builder, caKey);
    } catch (GeneralSecurityException | CertIOException e) {
      throw failure("OCSP responder certificate " + subject, e);
    }
  }

  /** A CRL of {@code ca} listing {@code revoked} (serial to revocation time), valid seven days. */
  X509CRL crl(
      X509Certificate ca, PrivateKey caKey, Instant thisUpdate, Map<BigInteger, Instant> revoked) {
    try {
      X509v2CRLBuilder builder =
          new JcaX509v2CRLBuilder(ca.getSubjectX500Principal(), Date.from(thisUpdate));
      builder.setNextUpdate(Date.from(thisUpdate.plus(Duration.ofDays(7))));
      for (Map.Entry<BigInteger, Instant> entry : revoked.entrySet()) {
        builder.addCRLEntry(entry.getKey(), Date.from(entry.getValue()), CRLReason.keyCompromise);
      }
      builder.addExtension(
          Extension.authorityKeyIdentifier,
          false,
          new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(ca));
      builder.addExtension(
          Extension.cRLNumber,
          false,
          new CRLNumber(BigInteger.valueOf(thisUpdate.getEpochSecond())));
      String algorithm = "EC".equals(caKey.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
      ContentSigner signer =
          new JcaContentSignerBuilder(algorithm).setProvider(provider).build(caKey);
      return new JcaX509CRLConverter().setProvider(provider).getCRL(builder.build(signer));
    } catch (GeneralSecurityException | CertIOException | OperatorCreationException e) {
      throw failure("CRL of " + ca.getSubjectX500Principal().getName(), e);
    }
  }

  private Instant notBefore(TestPki.SignerValidity validity) {
    switch (validity) {
      case EXPIRED:
        return now.minus(YEAR.multipliedBy(2));
      case NOT_YET_VALID:
        return now.plus(DAY);
      case CURRENT:
      default:
        return now.minus(DAY);
    }
  }

  /**
   * Parses an RFC 4514 name with the JDK, which keeps the usual order (CN first in the string, C
   * first in the encoding) and encodes non-ASCII values as UTF8String.
   */
  private static X500Principal name(String dn) {
    try {
      return new X500Principal(dn);
    } catch (IllegalArgumentException e) {
      throw failure("distinguished name '" + dn + "'", e);
    }
  }

  private static KeyUsage keyUsage(TestPki.SignerKeyUsage usage) {
    return usage == TestPki.SignerKeyUsage.SIGNING
        ? new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation)
        : new KeyUsage(KeyUsage.keyEncipherment);
  }

  private X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuerKey)
      throws GeneralSecurityException {
    String algorithm = "EC".equals(issuerKey.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
    try {
      ContentSigner signer =
          new JcaContentSignerBuilder(algorithm).setProvider(provider).build(issuerKey);
      return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException(e.getMessage(), e);
    }
  }

  private BigInteger serial() {
    return new BigInteger(63, random).add(BigInteger.ONE);
  }

  private static SigningException failure(String what, Exception e) {
    return new SigningException(
        SigningException.TEST_PKI_FAILED,
        String.format(Locale.ROOT, "the test PKI could not make the %s: %s", what, e),
        e);
  }
}
