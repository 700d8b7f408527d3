package dev.onceform.examples;

import dev.onceform.signing.PadesLevel;
import dev.onceform.signing.PadesSigner;
import dev.onceform.signing.Pem;
import dev.onceform.signing.SignatureAppearance;
import dev.onceform.signing.TimestampClient;
import dev.onceform.signing.spi.RevocationSource;
import dev.onceform.signing.spi.SignerKey;
import dev.onceform.signing.testing.TestPki;
import dev.onceform.signing.testing.TestTsa;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The demo's throw-away PKI, made afresh on every run: a root CA, an issuing (intermediate) CA and
 * the commune's signer certificate ({@code Ủy ban nhân dân xã Hòa Phú (TEST)}). It signs the
 * declaration at B-B and the result at B-LT, with a signature timestamp from a {@link TestTsa} on
 * the loopback interface and the CAs' CRLs as the (offline) revocation data: no network beyond
 * 127.0.0.1. Test keys only, never for real documents.
 */
final class DemoPki {

  /** The file names the demo writes the PKI's public parts to, for other tools. */
  static final String ROOT_CA = "test-ca.pem";

  static final String ROOT_CRL = "test-ca.crl.pem";
  static final String ISSUING_CA = "test-issuing-ca.pem";
  static final String ISSUING_CRL = "test-issuing-ca.crl.pem";

  private final TestPki pki;
  private final Clock clock;

  /**
   * Makes the keys and certificates.
   *
   * @param clock the time the certificates are valid around, and the time of the signatures
   */
  DemoPki(Clock clock) {
    this.clock = clock;
    this.pki =
        TestPki.builder().clock(clock).hierarchy(TestPki.Hierarchy.ROOT_AND_INTERMEDIATE).build();
  }

  TestPki pki() {
    return pki;
  }

  SignerKey signerKey() {
    return pki.signerKey();
  }

  /** The root CA's certificate as PEM: the trust anchor. */
  String rootPem() {
    return pki.caCertificatePem();
  }

  /** The issuing CA's certificate as PEM. */
  String issuingPem() {
    return Pem.encode(pki.intermediateCertificate().orElseThrow());
  }

  /** What {@link #signLongTerm} produced: the signed PDF and the CRLs it used, root's first. */
  record LongTerm(byte[] pdf, List<X509CRL> crls) {}

  /**
   * Signs {@code pdf} at PAdES B-LT: a TSA on 127.0.0.1 timestamps the signature, and the CRLs of
   * both CAs, issued at the timestamp's time, go into the DSS. The signature, the timestamp and the
   * CRLs share one instant (to the second, as the CRLs and the token hold it), so that the CRLs are
   * issued at or after the timestamp, as B-LT requires, and not after a verification at the clock's
   * time. With an appearance, the signature is visible there.
   */
  LongTerm signLongTerm(
      byte[] pdf, String reason, String location, Optional<SignatureAppearance> appearance) {
    Instant stamped = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Clock at = Clock.fixed(stamped, ZoneOffset.UTC);
    List<X509CRL> crls = pki.crls(stamped);
    try (TestTsa tsa =
        TestTsa.builder()
            .key(pki.issueTsaKey(TestPki.TsaKeyUsage.TIME_STAMPING))
            .clock(at)
            .start()) {
      TimestampClient timestamps =
          TimestampClient.builder()
              .url(tsa.url())
              .trustAnchor(pki.caCertificate())
              .clock(at)
              .build();
      PadesSigner.Builder signer =
          PadesSigner.builder()
              .key(pki.signerKey())
              .clock(at)
              .reason(reason)
              .location(location)
              .level(PadesLevel.B_LT)
              .timestampClient(timestamps)
              .revocationSource(RevocationSource.of(crls, List.of()));
      appearance.ifPresent(signer::appearance);
      byte[] signed = signer.build().sign(pdf);
      return new LongTerm(signed, crls);
    }
  }
}
