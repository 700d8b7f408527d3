package dev.onceform.signing;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * Validates a document timestamp ({@code /Type /DocTimeStamp}, {@code /SubFilter /ETSI.RFC3161}):
 * the ByteRange, the token in {@code /Contents} (DER followed only by zero padding), its message
 * imprint over the signed bytes, its signature, the TSA certificate's time-stamping usage and
 * validity, its chain to the trust anchors, and, where the DSS holds revocation data for that chain
 * (added by a later renewal), that no certificate of it was revoked by the token's time. Immutable
 * and thread-safe.
 */
final class DocumentTimestampCheck {

  static final String SUB_FILTER = "ETSI.RFC3161";

  private final TimestampTokenCheck tokens;
  private final LongTermCheck longTerm;

  DocumentTimestampCheck(TimestampTokenCheck tokens, LongTermCheck longTerm) {
    this.tokens = tokens;
    this.longTerm = longTerm;
  }

  /** What a valid document timestamp proves. */
  record Proof(Instant time, long rangeEnd, X509Certificate tsa) {}

  /**
   * Checks a document timestamp.
   *
   * @param dss the document's DSS: its certificates may link the TSA to an anchor
   * @return the time it proves and the end of the revision it covers
   */
  Proof check(EmbeddedSignature timestamp, byte[] pdf, Optional<DssReader.Store> dss, Instant now)
      throws VerificationFailure {
    if (!SUB_FILTER.equals(timestamp.subFilter())) {
      throw VerificationFailure.format("subFilter.unsupported", timestamp.subFilter());
    }
    SignedRange range = SignedRange.of(timestamp, pdf);
    TimeStampToken token =
        TimestampTokenCheck.parse(CmsContainer.signedDataInfo(timestamp.contents().bytes()));
    tokens.checkImprint(token, range.content());
    List<X509Certificate> candidates = new ArrayList<>();
    dss.ifPresent(store -> candidates.addAll(store.certificates()));
    List<X509Certificate> chain = tokens.check(token, candidates, now);
    Instant time = token.getTimeStampInfo().getGenTime().toInstant();
    longTerm.checkDocumentTimestamp(chain, dss, time, now);
    return new Proof(time, range.end(), chain.get(0));
  }
}
