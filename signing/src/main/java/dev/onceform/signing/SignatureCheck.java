package dev.onceform.signing;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * Validates one signature of a PDF and turns the outcome into a {@link SignatureReport}. Checks run
 * in order and the first failure decides: ByteRange and format, CMS (algorithms, digest, signature
 * value, signer reference), certificate chain, signature timestamps (each token present must be
 * valid), revocation, and finally, when the signature does not cover the whole file, whether the
 * later updates only make allowed changes ({@link ChangeCheck}). Immutable and thread-safe.
 */
final class SignatureCheck {

  static final String ETSI_CADES_DETACHED = "ETSI.CAdES.detached";
  private static final Set<String> SUB_FILTERS = Set.of(ETSI_CADES_DETACHED, "adbe.pkcs7.detached");

  private final CmsSignatureCheck cms;
  private final CertificateChainCheck chains;
  private final TimestampTokenCheck timestamps;
  private final LongTermCheck longTerm;
  private final ChangeCheck changes;
  private final Messages messages;

  SignatureCheck(
      CmsSignatureCheck cms,
      CertificateChainCheck chains,
      TimestampTokenCheck timestamps,
      LongTermCheck longTerm,
      ChangeCheck changes,
      Messages messages) {
    this.cms = cms;
    this.chains = chains;
    this.timestamps = timestamps;
    this.longTerm = longTerm;
    this.changes = changes;
    this.messages = messages;
  }

  /**
   * Validates {@code signature}.
   *
   * @param dss the document's Document Security Store, if any
   */
  SignatureReport check(
      EmbeddedSignature signature, byte[] pdf, Optional<DssReader.Store> dss, Instant now) {
    ReportDraft draft = new ReportDraft(signature.fieldName(), signature.signDate());
    Finding finding;
    try {
      finding = evaluate(signature, pdf, dss, now, draft);
    } catch (VerificationFailure failure) {
      finding = failure.finding();
    } catch (RuntimeException e) {
      // A hostile file can trip parsers in ways not foreseen; it must end in a report.
      finding = Finding.unreadable(e);
    }
    return draft.toReport(finding, messages);
  }

  private Finding evaluate(
      EmbeddedSignature signature,
      byte[] pdf,
      Optional<DssReader.Store> dss,
      Instant now,
      ReportDraft draft)
      throws VerificationFailure {
    SignedRange range = SignedRange.of(signature, pdf);
    draft.coversWholeDocument(range.coversWholeDocument());
    if (!SUB_FILTERS.contains(signature.subFilter())) {
      throw VerificationFailure.format("subFilter.unsupported", signature.subFilter());
    }
    CmsFacts facts = cms.check(signature.contents().bytes(), range.content(), draft);
    draft.claimedSigningTimeIfAbsent(facts.signingTime());
    draft.level(level(signature, facts));
    Instant claimed = draft.claimedSigningTime().orElse(now);
    List<X509Certificate> candidates = new ArrayList<>(facts.certificates());
    dss.ifPresent(store -> candidates.addAll(store.certificates()));
    CertificateChainCheck.SignerChain signerChain =
        chains.checkSigner(facts.signer(), candidates, claimed, now);
    List<X509Certificate> chain = signerChain.certificates();
    List<Stamp> stamps = signatureTimestamps(facts, now);
    Optional<Instant> timestamped = stamps.stream().map(Stamp::time).min(Instant::compareTo);
    draft.timestampedSigningTime(timestamped);
    if (timestamped.isPresent() && draft.level() == PadesLevel.B_B) {
      draft.level(PadesLevel.B_T);
    }
    signerChain.requireProofBeforeExpiry(timestamped);
    boolean revocationChecked = longTerm.check(chain, dss, timestamped, claimed, now);
    if (!revocationChecked) {
      signerChain.requireNoneExpired(timestamped);
    }
    if (revocationChecked) {
      for (Stamp stamp : stamps) {
        longTerm.checkTimestamp(stamp.tsaChain(), dss, stamp.time(), now);
      }
    }
    if (revocationChecked && draft.level() == PadesLevel.B_T) {
      draft.level(PadesLevel.B_LT);
    }
    String valid =
        range.coversWholeDocument() ? "signature.valid" : changes.check(pdf, range.end());
    return Finding.passed(revocationChecked ? valid + "RevocationChecked" : valid);
  }

  /** A valid signature timestamp: the time it proves and its TSA's chain (TSA first). */
  private record Stamp(Instant time, List<X509Certificate> tsaChain) {}

  /**
   * Checks every signature timestamp (id-aa-signatureTimeStampToken) of the SignerInfo: each must
   * be a valid token over the signature value from a trusted TSA.
   *
   * @return the tokens' times and TSA chains; empty if there is none
   */
  private List<Stamp> signatureTimestamps(CmsFacts facts, Instant now) throws VerificationFailure {
    SignerInformation signerInfo = facts.signerInfo();
    AttributeTable unsigned = signerInfo.getUnsignedAttributes();
    if (unsigned == null) {
      return List.of();
    }
    ASN1EncodableVector attributes =
        unsigned.getAll(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
    List<Stamp> stamps = new ArrayList<>();
    for (int i = 0; i < attributes.size(); i++) {
      ASN1Set values = Attribute.getInstance(attributes.get(i)).getAttrValues();
      for (ASN1Encodable value : values.toArray()) {
        TimeStampToken token = TimestampTokenCheck.parse(value);
        timestamps.checkImprint(token, signerInfo.getSignature());
        List<X509Certificate> tsaChain = timestamps.check(token, facts.certificates(), now);
        stamps.add(new Stamp(token.getTimeStampInfo().getGenTime().toInstant(), tsaChain));
      }
    }
    return stamps;
  }

  private static PadesLevel level(EmbeddedSignature signature, CmsFacts facts) {
    boolean baseline =
        ETSI_CADES_DETACHED.equals(signature.subFilter())
            && facts.hasSigningCertificateV2()
            && facts.signingTime().isEmpty();
    return baseline ? PadesLevel.B_B : PadesLevel.NONE;
  }
}
