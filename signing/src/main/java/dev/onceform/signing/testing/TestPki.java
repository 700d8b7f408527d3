package dev.onceform.signing.testing;

import static java.util.Objects.requireNonNull;

import dev.onceform.signing.Pem;
import dev.onceform.signing.SignerKeys;
import dev.onceform.signing.SigningException;
import dev.onceform.signing.spi.SignerKey;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * A throw-away PKI <strong>for tests and demos only, never for production</strong>: a root CA,
 * optionally an intermediate CA ({@link Builder#hierarchy}), and one signer (end-entity)
 * certificate, made in memory with fresh keys each time; on request time-stamping authority (TSA)
 * keys issued by the root CA ({@link #issueTsaKey}, for {@link TestTsa}); CRLs ({@link #crl}) and,
 * with {@link Builder#revocationServer}, OCSP answers from delegated responders ({@link TestOcsp}).
 * The signer certificate can be revoked ({@link Builder#signerRevokedAt}).
 *
 * <p>The signer certificate has key usage digitalSignature and nonRepudiation unless {@link
 * Builder#signerKeyUsage} says otherwise; its validity is relative to the builder's clock. Subject
 * names default to Vietnamese agency names marked {@code (TEST)}.
 *
 * <pre>{@code
 * TestPki pki = TestPki.builder().clock(clock).build();
 * byte[] signed = PadesSigner.builder().key(pki.signerKey()).clock(clock).build().sign(pdf);
 * Files.writeString(Path.of("out/test-ca.pem"), pki.caCertificatePem());
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class TestPki {

  /** The alias of the signer key in {@link #writePkcs12}. */
  public static final String PKCS12_ALIAS = "signer";

  /** Key types for the CA and the signer. */
  public enum KeyType {
    /** RSA with a 2048-bit modulus. */
    RSA_2048,
    /** ECDSA on NIST P-256 (secp256r1). */
    EC_P256,
    /** ECDSA on NIST P-384 (secp384r1). */
    EC_P384
  }

  /** Validity of the signer certificate relative to the clock's time. */
  public enum SignerValidity {
    /** Valid from one day before the clock's time for one year. */
    CURRENT,
    /** Valid from two years to one year before the clock's time: expired. */
    EXPIRED,
    /** Valid from one day after the clock's time for one year: not yet valid. */
    NOT_YET_VALID,
    /**
     * Valid from one day before the clock's time for 30 days: verifying 30 days or more after the
     * clock's time finds it expired while the CA, TSA and OCSP responder certificates (one year or
     * more) are still valid, as when a signature outlives its signer's certificate.
     */
    SHORT_LIVED
  }

  /** Key usage of the signer certificate. */
  public enum SignerKeyUsage {
    /** digitalSignature and nonRepudiation: fit for signatures. */
    SIGNING,
    /** keyEncipherment only: not fit for signatures. */
    KEY_ENCIPHERMENT_ONLY
  }

  /** Extended key usage of a TSA certificate made by {@link #issueTsaKey}. */
  public enum TsaKeyUsage {
    /** The critical extended key usage id-kp-timeStamping, as RFC 3161 requires. */
    TIME_STAMPING,
    /** No extended key usage at all: a certificate a TSA must not sign tokens with. */
    NO_EXTENDED_KEY_USAGE
  }

  /** The subject of TSA certificates made by {@link #issueTsaKey}. */
  public static final String TSA_SUBJECT = "CN=OnceForm Test TSA (TEST),O=OnceForm (TEST),C=VN";

  /** The subject of the intermediate CA made with {@link Hierarchy#ROOT_AND_INTERMEDIATE}. */
  public static final String INTERMEDIATE_SUBJECT =
      "CN=OnceForm Test Issuing CA (TEST),O=OnceForm (TEST),C=VN";

  /** The CA hierarchy above the signer. */
  public enum Hierarchy {
    /** The root CA issues the signer certificate. */
    ROOT_ONLY,
    /** The root CA issues an intermediate CA, which issues the signer certificate. */
    ROOT_AND_INTERMEDIATE
  }

  private final CertificateMaker maker;
  private final TestPki.KeyType keyType;
  private final PrivateKey caPrivateKey;
  private final X509Certificate caCertificate;
  private final @Nullable X509Certificate intermediateCertificate;
  private final X509Certificate signerCertificate;
  private final SignerKey signerKey;
  private final KeyPair signerKeyPair;
  private final List<Authority> authorities;
  private final RevocationPointers tsaPointers;
  private final @Nullable Instant tsaRevokedAt;

  private TestPki(Builder builder) {
    this.maker = new CertificateMaker(builder.clock.instant());
    this.keyType = builder.keyType;
    TestOcsp server = builder.revocationServer;
    KeyPair caKeys = maker.generateKeyPair(builder.keyType);
    this.caPrivateKey = caKeys.getPrivate();
    this.signerKeyPair = maker.generateKeyPair(builder.keyType);
    this.caCertificate = maker.caCertificate(builder.caSubject, caKeys);
    this.tsaPointers = pointers(server, "root");
    this.tsaRevokedAt = builder.tsaRevokedAt;
    X509Certificate issuer = caCertificate;
    PrivateKey issuerKey = caPrivateKey;
    if (builder.hierarchy == Hierarchy.ROOT_AND_INTERMEDIATE) {
      KeyPair intermediateKeys = maker.generateKeyPair(builder.keyType);
      issuer =
          maker.intermediateCertificate(
              INTERMEDIATE_SUBJECT,
              intermediateKeys.getPublic(),
              caCertificate,
              caPrivateKey,
              tsaPointers);
      issuerKey = intermediateKeys.getPrivate();
      this.intermediateCertificate = issuer;
    } else {
      this.intermediateCertificate = null;
    }
    String issuerName = intermediateCertificate == null ? "root" : "intermediate";
    this.signerCertificate =
        maker.signerCertificate(
            builder.signerSubject,
            signerKeyPair.getPublic(),
            issuer,
            issuerKey,
            builder.signerValidity,
            builder.signerKeyUsage,
            pointers(server, issuerName));
    List<X509Certificate> chain = new ArrayList<>(List.of(signerCertificate));
    if (intermediateCertificate != null) {
      chain.add(intermediateCertificate);
    }
    chain.add(caCertificate);
    this.signerKey =
        SignerKeys.of("test-pki:" + builder.signerSubject, signerKeyPair.getPrivate(), chain);
    Instant revokedAt = builder.signerRevokedAt;
    Map<BigInteger, Instant> signerRevocation =
        revokedAt == null ? Map.of() : Map.of(signerCertificate.getSerialNumber(), revokedAt);
    List<Authority> made = new ArrayList<>();
    made.add(
        authority(
            "root",
            caCertificate,
            caPrivateKey,
            intermediateCertificate == null ? signerRevocation : Map.of()));
    if (intermediateCertificate != null) {
      made.add(authority("intermediate", intermediateCertificate, issuerKey, signerRevocation));
    }
    this.authorities = List.copyOf(made);
    if (server != null) {
      server.serve(this);
    }
  }

  /**
   * A CA of this PKI with its delegated OCSP responders and the certificates it revoked.
   *
   * @param name {@code root} or {@code intermediate}, the CRL's file name
   * @param responder a responder certificate with id-kp-OCSPSigning and id-pkix-ocsp-nocheck, and
   *     its key
   * @param unauthorizedResponder a responder certificate of the same CA without id-kp-OCSPSigning
   * @param uncheckedResponder a responder certificate with id-kp-OCSPSigning but without
   *     id-pkix-ocsp-nocheck
   */
  record Authority(
      String name,
      X509Certificate certificate,
      PrivateKey key,
      Responder responder,
      Responder unauthorizedResponder,
      Responder uncheckedResponder,
      Map<BigInteger, Instant> revoked) {}

  /** An OCSP responder certificate and its private key. */
  record Responder(X509Certificate certificate, PrivateKey key) {}

  private Authority authority(
      String name, X509Certificate certificate, PrivateKey key, Map<BigInteger, Instant> revoked) {
    // The three responder certificates share one key pair: only their extensions differ.
    KeyPair responderKeys = maker.generateKeyPair(keyType);
    return new Authority(
        name,
        certificate,
        key,
        responder(certificate, key, responderKeys, true, true, ""),
        responder(certificate, key, responderKeys, false, true, "without OCSPSigning "),
        responder(certificate, key, responderKeys, true, false, "without ocsp-nocheck "),
        new ConcurrentHashMap<>(revoked)); // issueTsaKey may add a revoked TSA
  }

  private Responder responder(
      X509Certificate ca,
      PrivateKey caKey,
      KeyPair keys,
      boolean ocspSigning,
      boolean noCheck,
      String variant) {
    String subject =
        String.format(
            Locale.ROOT,
            "CN=OnceForm Test OCSP Responder %s(TEST),O=OnceForm (TEST),C=VN",
            variant);
    return new Responder(
        maker.ocspResponderCertificate(subject, keys.getPublic(), ca, caKey, ocspSigning, noCheck),
        keys.getPrivate());
  }

  private static RevocationPointers pointers(@Nullable TestOcsp server, String caName) {
    if (server == null) {
      return RevocationPointers.NONE;
    }
    return new RevocationPointers(
        Optional.of(server.ocspUrl()), Optional.of(server.crlUrl(caName)));
  }

  List<Authority> authorities() {
    return authorities;
  }

  /**
   * Returns a builder: RSA 2048, system UTC clock, a current signer certificate fit for signing.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the self-signed root CA certificate; use it as the verifier's trust anchor.
   *
   * @return the CA certificate
   */
  public X509Certificate caCertificate() {
    return caCertificate;
  }

  /**
   * Returns the signer certificate, issued by {@link #caCertificate()}.
   *
   * @return the signer certificate
   */
  public X509Certificate signerCertificate() {
    return signerCertificate;
  }

  /**
   * Returns the signer key with the chain signer, [intermediate CA,] root CA.
   *
   * @return the key
   */
  public SignerKey signerKey() {
    return signerKey;
  }

  /**
   * Returns the intermediate CA certificate, present with {@link Hierarchy#ROOT_AND_INTERMEDIATE}.
   *
   * @return the intermediate CA certificate, or empty if the root issues the signer certificate
   */
  public Optional<X509Certificate> intermediateCertificate() {
    return Optional.ofNullable(intermediateCertificate);
  }

  /**
   * Makes the CRL of the CA that issued the signer certificate (the intermediate CA if there is
   * one, else the root), signed by that CA, valid seven days from {@code thisUpdate}. It lists the
   * signer certificate if {@link Builder#signerRevokedAt} is at or before {@code thisUpdate}.
   *
   * @param thisUpdate the CRL's issue time
   * @return the CRL
   * @throws SigningException {@code OF-SIGN-501} if the CRL cannot be made
   */
  public X509CRL crl(Instant thisUpdate) {
    requireNonNull(thisUpdate, "thisUpdate");
    return crlOf(authorities.get(authorities.size() - 1), thisUpdate);
  }

  /**
   * Makes one CRL per CA of this PKI (root first), as {@link #crl(Instant)} does for the signer's.
   *
   * @param thisUpdate the CRLs' issue time
   * @return the CRLs
   * @throws SigningException {@code OF-SIGN-501} if a CRL cannot be made
   */
  public List<X509CRL> crls(Instant thisUpdate) {
    requireNonNull(thisUpdate, "thisUpdate");
    List<X509CRL> crls = new ArrayList<>();
    for (Authority authority : authorities) {
      crls.add(crlOf(authority, thisUpdate));
    }
    return List.copyOf(crls);
  }

  X509CRL crlOf(Authority authority, Instant thisUpdate) {
    Map<BigInteger, Instant> listed = new HashMap<>();
    authority
        .revoked()
        .forEach(
            (serial, time) -> {
              if (!time.isAfter(thisUpdate)) {
                listed.put(serial, time);
              }
            });
    return maker.crl(authority.certificate(), authority.key(), thisUpdate, listed);
  }

  /**
   * Makes a new TSA key of this PKI's key type with a certificate issued by {@link
   * #caCertificate()}, subject {@value #TSA_SUBJECT}, key usage digitalSignature, valid from one
   * day before the builder's clock time for one year. Each call makes a new key; with {@link
   * Builder#tsaRevokedAt} its certificate is revoked at that time.
   *
   * @param usage whether the certificate has the critical extended key usage id-kp-timeStamping
   * @return the key with the chain TSA, CA
   * @throws SigningException {@code OF-SIGN-501} if generation fails
   */
  public SignerKey issueTsaKey(TsaKeyUsage usage) {
    requireNonNull(usage, "usage");
    KeyPair keys = maker.generateKeyPair(keyType);
    X509Certificate certificate =
        maker.tsaCertificate(
            TSA_SUBJECT, keys.getPublic(), caCertificate, caPrivateKey, usage, tsaPointers);
    Instant revoked = tsaRevokedAt;
    if (revoked != null) {
      authorities.get(0).revoked().put(certificate.getSerialNumber(), revoked);
    }
    return SignerKeys.of(
        "test-pki:tsa:" + usage, keys.getPrivate(), List.of(certificate, caCertificate));
  }

  /**
   * Returns the CA certificate in PEM form, e.g. to write {@code out/test-ca.pem}.
   *
   * @return the PEM text
   */
  public String caCertificatePem() {
    return Pem.encode(caCertificate);
  }

  /**
   * Writes the signer key and its chain (signer, CA) to a PKCS#12 file under alias {@value
   * #PKCS12_ALIAS}, readable by {@link SignerKeys#pkcs12}, {@code keytool} and {@code openssl
   * pkcs12}. The key password is the store password.
   *
   * @param file the file to create or replace
   * @param password the password, ASCII only (a limit of the JDK's PKCS#12 encryption)
   * @throws IllegalArgumentException if the password has non-ASCII characters
   * @throws SigningException {@code OF-SIGN-501} if the file cannot be written
   */
  public void writePkcs12(Path file, char[] password) {
    requireNonNull(file, "file");
    requireNonNull(password, "password");
    for (char c : password) {
      if (c > 0x7F) {
        throw new IllegalArgumentException(
            "password must be ASCII (the JDK's PKCS#12 encryption needs it), but contains '"
                + c
                + "'");
      }
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(
          PKCS12_ALIAS,
          signerKeyPair.getPrivate(),
          password,
          signerKey.certificateChain().toArray(new Certificate[0]));
      store.store(out, password);
    } catch (IOException | GeneralSecurityException e) {
      throw new SigningException(
          SigningException.TEST_PKI_FAILED,
          String.format(
              Locale.ROOT, "the test PKCS#12 file '%s' could not be written: %s", file, e),
          e);
    }
  }

  @Override
  public String toString() {
    return "TestPki[" + signerCertificate.getSubjectX500Principal().getName() + "]";
  }

  /** Builds a {@link TestPki}; not thread-safe. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private KeyType keyType = KeyType.RSA_2048;
    private SignerValidity signerValidity = SignerValidity.CURRENT;
    private SignerKeyUsage signerKeyUsage = SignerKeyUsage.SIGNING;
    private String caSubject = "CN=OnceForm Test Root CA (TEST),O=OnceForm (TEST),C=VN";
    private Hierarchy hierarchy = Hierarchy.ROOT_ONLY;
    private @Nullable Instant signerRevokedAt;
    private @Nullable Instant tsaRevokedAt;
    private @Nullable TestOcsp revocationServer;
    private String signerSubject =
        "CN=Ủy ban nhân dân xã Hòa Phú (TEST),O=Ủy ban nhân dân xã Hòa Phú,L=Hòa Phú,C=VN";

    private Builder() {}

    /**
     * Sets the clock the validity periods are relative to.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the key type of both the CA and the signer.
     *
     * @param keyType the key type
     * @return this builder
     */
    public Builder keyType(KeyType keyType) {
      this.keyType = requireNonNull(keyType, "keyType");
      return this;
    }

    /**
     * Sets the validity of the signer certificate.
     *
     * @param validity the validity
     * @return this builder
     */
    public Builder signerValidity(SignerValidity validity) {
      this.signerValidity = requireNonNull(validity, "validity");
      return this;
    }

    /**
     * Sets the key usage of the signer certificate.
     *
     * @param keyUsage the key usage
     * @return this builder
     */
    public Builder signerKeyUsage(SignerKeyUsage keyUsage) {
      this.signerKeyUsage = requireNonNull(keyUsage, "keyUsage");
      return this;
    }

    /**
     * Sets the CA's subject DN (RFC 4514, may contain Vietnamese letters).
     *
     * @param dn the subject
     * @return this builder
     */
    public Builder caSubject(String dn) {
      this.caSubject = requireNonNull(dn, "dn");
      return this;
    }

    /**
     * Sets the signer's subject DN (RFC 4514, may contain Vietnamese letters).
     *
     * @param dn the subject
     * @return this builder
     */
    public Builder signerSubject(String dn) {
      this.signerSubject = requireNonNull(dn, "dn");
      return this;
    }

    /**
     * Sets the CA hierarchy; the default is {@link Hierarchy#ROOT_ONLY}.
     *
     * @param hierarchy the hierarchy
     * @return this builder
     */
    public Builder hierarchy(Hierarchy hierarchy) {
      this.hierarchy = requireNonNull(hierarchy, "hierarchy");
      return this;
    }

    /**
     * Revokes the signer certificate at {@code time} (reason keyCompromise): CRLs issued at or
     * after that time list it, and {@link TestOcsp} answers <em>revoked</em> once its clock reaches
     * it.
     *
     * @param time the revocation time
     * @return this builder
     */
    public Builder signerRevokedAt(Instant time) {
      this.signerRevokedAt = requireNonNull(time, "time");
      return this;
    }

    /**
     * Revokes the TSA certificates that {@link #issueTsaKey} makes at {@code time}: the root's CRLs
     * issued at or after that time list them, and {@link TestOcsp} answers <em>revoked</em>.
     *
     * @param time the revocation time
     * @return this builder
     */
    public Builder tsaRevokedAt(Instant time) {
      this.tsaRevokedAt = requireNonNull(time, "time");
      return this;
    }

    /**
     * Makes the signer, intermediate CA and TSA certificates point to {@code server}: an authority
     * information access extension with its OCSP URL and a CRL distribution point with the URL of
     * the issuing CA's CRL. {@link #build()} hands the PKI to the server, which then answers for
     * it.
     *
     * @param server a started, not yet used test OCSP server
     * @return this builder
     */
    public Builder revocationServer(TestOcsp server) {
      this.revocationServer = requireNonNull(server, "server");
      return this;
    }

    /**
     * Generates the keys and certificates.
     *
     * @return the test PKI
     * @throws SigningException {@code OF-SIGN-501} if generation fails
     */
    public TestPki build() {
      return new TestPki(this);
    }
  }
}
