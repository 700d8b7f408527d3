package dev.onceform.signing;

import static java.util.Objects.requireNonNull;

import dev.onceform.signing.spi.RevocationSource;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.jspecify.annotations.Nullable;

/**
 * Verifies the signatures of a PDF and reports, for each, an {@link Indication} in the EU DSS
 * vocabulary and a reason in Vietnamese and English.
 *
 * <p>For each signature it checks: the ByteRange (starts at 0, its gap is exactly the {@code
 * /Contents} hex string, and whether it reaches the end of the file); the sub-filter ({@code
 * ETSI.CAdES.detached} or {@code adbe.pkcs7.detached}); the CMS (one signer, SHA-2 digest, RSA or
 * ECDSA, message-digest equal to the digest of the signed bytes, signature value, the
 * signing-certificate-v2 reference); a certificate chain from the signer to one of the configured
 * trust anchors (certificates in the file are only candidates for intermediate links, a root in the
 * file is never trusted); PKIX validation of that chain; certificate validity at the claimed
 * signing time and at the clock's time; and the signer's key usage extension (present, with
 * digitalSignature or nonRepudiation).
 *
 * <p>For every signature whose ByteRange does not reach the end of the file, the signed revision is
 * compared object by object with the whole file, and each later change is sorted: validation data
 * (a DSS), a later signature or document timestamp, form fill-in, a new annotation, or a change of
 * the signed content (page content, resources, fonts, pages, catalog, an object of the signed
 * revision rewritten, bytes appended). Validation data, document timestamps and later signatures
 * are allowed (later signatures not under a certification signature with DocMDP P=1); form fill-in
 * and annotations as the certification signature's DocMDP {@code /P} permits (2: form fill-in, 3:
 * also annotations) or, without one, as the {@link Builder#changePolicy ChangePolicy} allows (by
 * default neither); a content change never. A change not allowed makes that signature {@link
 * Indication#TOTAL_FAILED}/{@link SubIndication#FORMAT_FAILURE} with a reason naming what changed
 * (incremental saving and shadow attacks). A ByteRange whose gap is not exactly the {@code
 * /Contents} string, or that is missing, negative, overlapping or beyond the file, is {@link
 * SubIndication#FORMAT_FAILURE} too (signature wrapping, universal signature forgery). The
 * comparison is bounded and runs only when a signature does not cover the whole file.
 *
 * <p>A signature timestamp (RFC 3161 token in the unsigned attribute id-aa-signatureTimeStampToken)
 * is checked too: its message imprint must be the digest of the signature value ({@link
 * SubIndication#HASH_FAILURE} otherwise), its signature must verify with the TSA certificate it
 * carries ({@link SubIndication#SIG_CRYPTO_FAILURE}), that certificate must have the critical
 * extended key usage id-kp-timeStamping ({@link SubIndication#CHAIN_CONSTRAINTS_FAILURE}), be valid
 * at the token's time and chain to one of the same trust anchors. A B-B signature with a valid
 * timestamp is reported at {@link PadesLevel#B_T}, with the token's time in {@link
 * SignatureReport#timestampedSigningTime()}. The timestamp does not yet extend the validity of an
 * expired certificate (that needs revocation data, B-LT).
 *
 * <p>Revocation is checked from the document's Document Security Store ({@code /DSS}) and, for what
 * it lacks, a configured {@link Builder#revocationSource}: for every certificate of the signer's
 * chain but the trust anchor, a valid OCSP response (signed by the CA or a delegated responder with
 * id-kp-OCSPSigning) or CRL (signed by the CA) issued at or after the best signing time (the
 * timestamp's, else the claimed one). A signer certificate revoked before the timestamped time is
 * {@link Indication#TOTAL_FAILED}/{@link SubIndication#REVOKED}; revoked without such proof, {@link
 * Indication#INDETERMINATE}/{@link SubIndication#REVOKED_NO_POE} ({@link
 * SubIndication#REVOKED_CA_NO_POE} for a CA); a DSS without valid data for a certificate, {@link
 * SubIndication#TRY_LATER}. A B-T signature whose chain is covered is reported at {@link
 * PadesLevel#B_LT}. An incremental update after a signature that only adds a DSS is allowed.
 * <strong>Without a DSS or a revocation source, revocation is not checked</strong>: the reasons of
 * a passed signature say so. The chain of a signature timestamp's TSA is checked the same way at
 * the token's time: a TSA certificate revoked at or before it is {@link
 * Indication#INDETERMINATE}/{@link SubIndication#REVOKED_NO_POE}.
 *
 * <p>A damaged or hostile file never makes {@link #verify} throw; problems become report entries.
 * Instances are immutable and thread-safe: build once and share.
 *
 * <pre>{@code
 * SignatureVerifier verifier = SignatureVerifier.builder()
 *     .trustAnchors(Pem.readCertificates(Path.of("ca.pem")))
 *     .build();
 * VerificationReport report = verifier.verify(pdf);
 * if (report.indication() != Indication.TOTAL_PASSED) {
 *   System.out.println(report.reason().text(Locale.forLanguageTag("vi")));
 * }
 * }</pre>
 */
public final class SignatureVerifier {

  private final List<X509Certificate> trustAnchors;
  private final Clock clock;
  private final @Nullable RevocationSource revocationSource;
  private final ChangePolicy changePolicy;
  private final Messages messages;
  private final SignatureCheck check;
  private final ChangeCheck changes;
  private final DocumentTimestampCheck documentTimestamps;

  private SignatureVerifier(Builder builder) {
    this.trustAnchors = List.copyOf(builder.trustAnchors);
    this.clock = builder.clock;
    this.revocationSource = builder.revocationSource;
    this.changePolicy = builder.changePolicy;
    this.messages = Messages.load();
    BouncyCastleProvider provider = new BouncyCastleProvider();
    CertificateChainCheck chains = new CertificateChainCheck(trustAnchors, provider);
    TimestampTokenCheck tokens = new TimestampTokenCheck(chains, provider);
    this.changes = new ChangeCheck(builder.changePolicy);
    LongTermCheck longTerm =
        new LongTermCheck(new RevocationCheck(provider), builder.revocationSource);
    this.check =
        new SignatureCheck(
            new CmsSignatureCheck(provider), chains, tokens, longTerm, changes, messages);
    this.documentTimestamps = new DocumentTimestampCheck(tokens, longTerm);
  }

  /**
   * Returns a new builder: no trust anchors, the system UTC clock.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder preset with this verifier's settings, to derive a variant.
   *
   * @return a builder
   */
  public Builder toBuilder() {
    Builder builder =
        new Builder().trustAnchors(trustAnchors).clock(clock).changePolicy(changePolicy);
    builder.revocationSource = revocationSource;
    return builder;
  }

  /**
   * Verifies every signature in a PDF.
   *
   * @param pdf the bytes of the file; anything, including non-PDF bytes
   * @return the report; never throws for bad input
   */
  public VerificationReport verify(byte[] pdf) {
    requireNonNull(pdf, "pdf");
    Instant now = clock.instant();
    List<EmbeddedSignature> signatures;
    Optional<DssReader.Store> dss;
    try {
      PdfSignatureReader.SignedDocument document = PdfSignatureReader.read(pdf);
      signatures = new ArrayList<>(document.signatures());
      dss = document.dss();
    } catch (VerificationFailure failure) {
      return documentReport(failure.finding());
    }
    List<EmbeddedSignature> timestamps = new ArrayList<>();
    signatures.removeIf(signature -> signature.isDocumentTimestamp() && timestamps.add(signature));
    if (signatures.isEmpty() && timestamps.isEmpty()) {
      return documentReport(
          Finding.of(
              Indication.TOTAL_FAILED, SubIndication.FORMAT_FAILURE, "document.noSignature"));
    }
    signatures.sort(Comparator.comparingLong(EmbeddedSignature::rangeEnd));
    timestamps.sort(Comparator.comparingLong(EmbeddedSignature::rangeEnd));
    // Newest first: a valid document timestamp proves that everything before it, older document
    // timestamps included, existed at its time. What lacks that proof now because a certificate
    // has expired since is judged again at that time (EN 319 102-1, past signature validation).
    DocumentTimestampReport[] timestampReports = new DocumentTimestampReport[timestamps.size()];
    List<ProvenRevision> proofs = new ArrayList<>();
    for (int i = timestamps.size() - 1; i >= 0; i--) {
      EmbeddedSignature timestamp = timestamps.get(i);
      DocumentTimestampReport report = checkDocumentTimestamp(timestamp, pdf, dss, now);
      Optional<Instant> existed = earliestProof(proofs, timestamp.rangeEnd());
      if (existed.isPresent()
          && lacksProofOfExistence(report.indication(), report.subIndication())) {
        DocumentTimestampReport past = checkDocumentTimestamp(timestamp, pdf, dss, existed.get());
        if (past.indication() == Indication.TOTAL_PASSED) {
          report =
              past.withReason(
                  asOf("documentTimestamp.validAtProvenTime", existed.get(), past.reason()));
        }
      }
      timestampReports[i] = report;
      if (report.indication() == Indication.TOTAL_PASSED && report.time().isPresent()) {
        proofs.add(new ProvenRevision(timestamp.rangeEnd(), report.time().get()));
      }
    }
    long archivedUpTo = proofs.stream().mapToLong(ProvenRevision::end).max().orElse(-1);
    List<SignatureReport> reports = new ArrayList<>(signatures.size());
    for (EmbeddedSignature signature : signatures) {
      SignatureReport report = check.check(signature, pdf, dss, now);
      Optional<Instant> existed = earliestProof(proofs, signature.rangeEnd());
      if (existed.isPresent()
          && lacksProofOfExistence(report.indication(), report.subIndication())) {
        SignatureReport past = check.check(signature, pdf, dss, existed.get());
        if (past.indication() == Indication.TOTAL_PASSED) {
          report =
              past.withReason(asOf("signature.validAtProvenTime", existed.get(), past.reason()));
        }
      }
      if (report.level() == PadesLevel.B_LT
          && report.indication() == Indication.TOTAL_PASSED
          && signature.rangeEnd() < archivedUpTo) {
        report = report.withLevel(PadesLevel.B_LTA);
      }
      reports.add(report);
    }
    Indication worst = null;
    Optional<SubIndication> subIndication = Optional.empty();
    LocalizedReason reason = null;
    for (SignatureReport report : reports) {
      if (worst == null || report.indication().compareTo(worst) > 0) {
        worst = report.indication();
        subIndication = report.subIndication();
        reason = report.reason();
      }
    }
    for (DocumentTimestampReport report : timestampReports) {
      if (worst == null || report.indication().compareTo(worst) > 0) {
        worst = report.indication();
        subIndication = report.subIndication();
        reason = report.reason();
      }
    }
    return new VerificationReport(
        requireNonNull(worst),
        subIndication,
        requireNonNull(reason),
        reports,
        Arrays.asList(timestampReports));
  }

  /** "Judged as of {@code time} …", then the reason the check as of that time gave. */
  private LocalizedReason asOf(String key, Instant time, LocalizedReason reason) {
    LocalizedReason prefix = messages.reason(key, List.of(time.toString()));
    return new LocalizedReason(
        prefix.key(), prefix.vi() + " " + reason.vi(), prefix.en() + " " + reason.en());
  }

  /**
   * A revision, ending at {@code end}, that a valid document timestamp proves existed at {@code
   * time}.
   */
  private record ProvenRevision(long end, Instant time) {}

  /**
   * The earliest time a valid document timestamp proves for a revision that ends at {@code end}.
   */
  private static Optional<Instant> earliestProof(List<ProvenRevision> proofs, long end) {
    return proofs.stream()
        .filter(proof -> proof.end() > end)
        .map(ProvenRevision::time)
        .min(Comparator.naturalOrder());
  }

  /** True if the result would pass with proof that the signature or token existed earlier. */
  private static boolean lacksProofOfExistence(
      Indication indication, Optional<SubIndication> subIndication) {
    return indication == Indication.INDETERMINATE
        && subIndication
            .filter(
                sub ->
                    sub == SubIndication.OUT_OF_BOUNDS_NO_POE
                        || sub == SubIndication.OUT_OF_BOUNDS_NOT_REVOKED)
            .isPresent();
  }

  /**
   * Checks a document timestamp: the token over its ByteRange, and what changed after it (only what
   * may change after a signature may change after a document timestamp).
   */
  private DocumentTimestampReport checkDocumentTimestamp(
      EmbeddedSignature timestamp, byte[] pdf, Optional<DssReader.Store> dss, Instant now) {
    Finding finding;
    Optional<X509Certificate> tsa = Optional.empty();
    Optional<Instant> time = Optional.empty();
    boolean whole = timestamp.rangeEnd() == pdf.length;
    try {
      DocumentTimestampCheck.Proof proof = documentTimestamps.check(timestamp, pdf, dss, now);
      tsa = Optional.of(proof.tsa());
      boolean onlyValidationData =
          whole || "signature.valid".equals(changes.check(pdf, proof.rangeEnd()));
      time = Optional.of(proof.time());
      finding =
          Finding.passed(
              onlyValidationData ? "documentTimestamp.valid" : "documentTimestamp.validRevision",
              proof.time().toString());
    } catch (VerificationFailure failure) {
      finding = failure.finding();
    } catch (RuntimeException e) {
      // A hostile file can trip parsers in ways not foreseen; it must end in a report.
      finding = Finding.unreadable(e);
    }
    return new DocumentTimestampReport(
        timestamp.fieldName(),
        finding.indication(),
        finding.subIndication(),
        messages.reason(finding.key(), finding.args()),
        tsa,
        time,
        whole);
  }

  private VerificationReport documentReport(Finding finding) {
    return new VerificationReport(
        finding.indication(),
        finding.subIndication(),
        messages.reason(finding.key(), finding.args()),
        List.of());
  }

  @Override
  public String toString() {
    return "SignatureVerifier[trustAnchors="
        + trustAnchors.size()
        + ", clock="
        + clock
        + ", changePolicy="
        + changePolicy
        + "]";
  }

  /** Builds a {@link SignatureVerifier}; not thread-safe. */
  public static final class Builder {
    private final Set<X509Certificate> trustAnchors = new LinkedHashSet<>();
    private Clock clock = Clock.systemUTC();
    private @Nullable RevocationSource revocationSource;
    private ChangePolicy changePolicy = ChangePolicy.STRICT;

    private Builder() {}

    /**
     * Sets which updates are accepted after a signature when the document has no certification
     * (DocMDP) signature; the default is {@link ChangePolicy#STRICT}. Changes of the signed content
     * are never accepted.
     *
     * @param policy the change policy
     * @return this builder
     */
    public Builder changePolicy(ChangePolicy policy) {
      this.changePolicy = requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Sets a source asked for revocation data that the document's DSS lacks. Without one, only the
     * DSS is used, and a document without a DSS is not checked for revocation.
     *
     * @param source the revocation source, e.g. {@link RevocationSource#online(java.time.Duration)}
     * @return this builder
     */
    public Builder revocationSource(RevocationSource source) {
      this.revocationSource = requireNonNull(source, "source");
      return this;
    }

    /**
     * Adds a trusted root (or intermediate) certificate. Without any, no signature can be {@link
     * Indication#TOTAL_PASSED}: every chain is {@link SubIndication#NO_CERTIFICATE_CHAIN_FOUND}.
     *
     * @param anchor the certificate to trust
     * @return this builder
     */
    public Builder trustAnchor(X509Certificate anchor) {
      trustAnchors.add(requireNonNull(anchor, "anchor"));
      return this;
    }

    /**
     * Adds trusted certificates.
     *
     * @param anchors the certificates to trust; none may be null
     * @return this builder
     */
    public Builder trustAnchors(Collection<X509Certificate> anchors) {
      requireNonNull(anchors, "anchors");
      for (X509Certificate anchor : anchors) {
        trustAnchor(anchor);
      }
      return this;
    }

    /**
     * Sets the clock that gives the validation time; the default is {@link Clock#systemUTC()}.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the verifier.
     *
     * @return an immutable, thread-safe verifier
     */
    public SignatureVerifier build() {
      return new SignatureVerifier(this);
    }
  }
}
