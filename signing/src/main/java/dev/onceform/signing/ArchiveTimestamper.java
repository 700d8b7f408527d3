package dev.onceform.signing;

import static java.util.Objects.requireNonNull;

import dev.onceform.signing.spi.RevocationSource;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.tsp.TimeStampToken;
import org.jspecify.annotations.Nullable;

/**
 * Renews the archive timestamp of a signed PDF (PAdES B-LTA), so that it stays verifiable after the
 * certificates of its time-stamping authorities expire.
 *
 * <p>A document timestamp proves that the document, its signatures and their validation data
 * existed at the token's time, but only while the TSA's certificate is valid. Before it expires,
 * call {@link #renew}: it adds, as incremental updates, a DSS with the latest document timestamp's
 * TSA chain and revocation data for it (issued at or after that token's time), then a new document
 * timestamp over everything. {@link SignatureVerifier} then judges the older timestamps and the
 * signatures at the time the newer timestamp proves, so a chain of renewals carries a signature
 * past the expiry of every certificate in it (EN 319 102-1, past signature validation). A document
 * without a document timestamp (a B-LT signature) just gets its first one. {@code renew} does not
 * verify the document: verify it with {@link SignatureVerifier} first, since renewing proves only
 * that the document existed as it is, not that it is valid.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * <pre>{@code
 * ArchiveTimestamper archive = ArchiveTimestamper.builder()
 *     .timestampClient(timestamps)
 *     .build();
 * byte[] renewed = archive.renew(signedPdf);
 * }</pre>
 */
public final class ArchiveTimestamper {

  private final TimestampClient timestampClient;
  private final LongTermData longTerm;
  private final String revocationSourceId;

  private ArchiveTimestamper(TimestampClient timestampClient, RevocationSource source) {
    this.timestampClient = timestampClient;
    this.longTerm = new LongTermData(source, new BouncyCastleProvider());
    this.revocationSourceId = source.id();
  }

  /**
   * Returns a new builder; {@link Builder#timestampClient} is required.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Adds the validation data of the latest document timestamp and a new document timestamp.
   *
   * @param pdf the signed PDF; not modified
   * @return the PDF with one or two more incremental updates
   * @throws SigningException {@code OF-SIGN-201} if the input is not a readable PDF, {@code
   *     OF-SIGN-212} if its latest document timestamp cannot be read, {@code OF-SIGN-704} if the
   *     revocation source has no data issued after that timestamp for a certificate of its TSA's
   *     chain (renew before the certificate expires), {@code OF-SIGN-6xx} from the TSA
   */
  public byte[] renew(byte[] pdf) {
    requireNonNull(pdf, "pdf");
    PdfSignatureReader.SignedDocument document;
    try {
      document = PdfSignatureReader.read(pdf);
    } catch (VerificationFailure failure) {
      throw SigningException.of(
          SigningException.NOT_A_PDF,
          "the input (%d bytes) is not a readable PDF (%s); pass the bytes of a signed PDF",
          pdf.length,
          failure.finding().key());
    }
    Optional<EmbeddedSignature> latest =
        document.signatures().stream()
            .filter(EmbeddedSignature::isDocumentTimestamp)
            .max(Comparator.comparingLong(EmbeddedSignature::rangeEnd));
    byte[] withDss = pdf;
    if (latest.isPresent()) {
      EmbeddedSignature timestamp = latest.get();
      List<X509Certificate> pool = new ArrayList<>();
      X509Certificate tsa;
      Instant time;
      try {
        TimeStampToken token =
            TimestampTokenCheck.parse(CmsContainer.signedDataInfo(timestamp.contents().bytes()));
        pool.addAll(TimestampTokenCheck.certificates(token));
        tsa = TimestampTokenCheck.tsaCertificate(token, pool);
        time = token.getTimeStampInfo().getGenTime().toInstant();
      } catch (VerificationFailure failure) {
        throw unreadable(timestamp, failure.finding().key());
      }
      document.dss().ifPresent(store -> pool.addAll(store.certificates()));
      LongTermData.Collected collected = longTerm.collectChain(tsa, pool, time);
      withDss = DssWriter.append(pdf, collected.certificates(), collected.revocation());
    }
    return DocumentTimestampWriter.timestamp(withDss, timestampClient);
  }

  private static SigningException unreadable(EmbeddedSignature timestamp, String why) {
    return SigningException.of(
        SigningException.DOCUMENT_TIMESTAMP_UNREADABLE,
        "the latest document timestamp ('%s') cannot be read (%s), so its archive cannot be"
            + " renewed; check the document with 'onceform verify'",
        timestamp.fieldName(),
        why);
  }

  @Override
  public String toString() {
    return "ArchiveTimestamper[tsa="
        + timestampClient
        + ", revocationSource="
        + revocationSourceId
        + "]";
  }

  /** Builds an {@link ArchiveTimestamper}; not thread-safe. */
  public static final class Builder {
    private @Nullable TimestampClient timestampClient;
    private @Nullable RevocationSource revocationSource;

    private Builder() {}

    /**
     * Sets the client of the time-stamping authority for the new document timestamp (required).
     *
     * @param client the timestamp client
     * @return this builder
     */
    public Builder timestampClient(TimestampClient client) {
      this.timestampClient = requireNonNull(client, "client");
      return this;
    }

    /**
     * Sets where the revocation data of the latest document timestamp's TSA chain comes from; the
     * default is {@link RevocationSource#online(Duration)} with a 10-second timeout.
     *
     * @param source the revocation source
     * @return this builder
     */
    public Builder revocationSource(RevocationSource source) {
      this.revocationSource = requireNonNull(source, "source");
      return this;
    }

    /**
     * Builds the timestamper.
     *
     * @return an immutable, thread-safe timestamper
     * @throws IllegalStateException if no timestamp client was set
     */
    public ArchiveTimestamper build() {
      TimestampClient client = timestampClient;
      if (client == null) {
        throw new IllegalStateException(
            "timestampClient is required; call timestampClient(TimestampClient) before build()");
      }
      return new ArchiveTimestamper(client, LongTermData.sourceOrDefault(revocationSource));
    }
  }
}
