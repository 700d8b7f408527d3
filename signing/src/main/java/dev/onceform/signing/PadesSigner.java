package dev.onceform.signing;

import static java.util.Objects.requireNonNull;

import dev.onceform.signing.spi.RevocationSource;
import dev.onceform.signing.spi.SignatureAlgorithm;
import dev.onceform.signing.spi.SignerKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.jspecify.annotations.Nullable;

/**
 * Signs PDF documents with a PAdES baseline B-B signature, or B-T with a signature timestamp.
 *
 * <p>The signature is added as an incremental update: the input bytes are kept unchanged at the
 * start of the output, so earlier signatures and PDF/A conformance survive. A document can be
 * signed several times (an official, then the agency's seal): each call adds a new signature field
 * named {@code Signature1}, {@code Signature2}, … (the first name no existing field uses), and
 * every earlier signature still verifies over its own revision. The signature dictionary has {@code
 * /SubFilter /ETSI.CAdES.detached} and the signing time in {@code /M} (from the configured clock,
 * to the second). The CMS SignedData is detached over the ByteRange and holds the signed attributes
 * content-type, message-digest and signing-certificate-v2 (SHA-256), no CMS signing-time, and the
 * key's certificate chain. RSA keys sign with PKCS#1 v1.5, EC keys with ECDSA.
 *
 * <p>At {@link PadesLevel#B_T} ({@link Builder#level}, with a {@link Builder#timestampClient}), the
 * signature value is sent, as a digest, to an RFC 3161 time-stamping authority once the CMS is
 * signed, and the checked token is added to the SignerInfo as the unsigned attribute
 * id-aa-signatureTimeStampToken: it proves the signature existed at the token's time. B-B is the
 * default.
 *
 * <p>At {@link PadesLevel#B_LT} (also with a timestamp client), a second incremental update after
 * the signed one adds a Document Security Store ({@code /DSS}) holding the certificates of the
 * signer's and the TSA's chains and, for each certificate that is not self-signed, revocation data
 * from the {@link Builder#revocationSource} (OCSP responses or CRLs) issued at or after the
 * timestamp's time. The signed bytes are not touched, so the signature stays valid.
 *
 * <p>At {@link PadesLevel#B_LTA}, a third incremental update adds a document timestamp from the
 * same time-stamping authority ({@code /Type /DocTimeStamp}, {@code /SubFilter /ETSI.RFC3161}) over
 * the signature and its DSS, so that the validation data is itself proven to exist at that time.
 *
 * <p>By default the signature is an invisible approval signature. {@link Builder#certify(DocMdp)}
 * makes it a certification signature (DocMDP) that states which changes may follow; only the first
 * signature of a document can certify it, and a document certified with {@link DocMdp#NO_CHANGES}
 * takes no further signature. {@link Builder#appearance(SignatureAppearance)} makes the signature
 * visible: a rectangle on a page with lines of text (by default the signer's name, organisation and
 * "Thời gian ký: …") in an embedded TrueType font.
 *
 * <p>Instances are immutable and thread-safe: build once and share. At B-B with an RSA key, the
 * same input, key and clock give byte-identical output (a B-T token differs on every call).
 *
 * <pre>{@code
 * PadesSigner signer = PadesSigner.builder()
 *     .key(SignerKeys.pkcs12(Path.of("signer.p12"), password))
 *     .reason("Xác nhận hồ sơ")
 *     .location("Hòa Phú")
 *     .build();
 * byte[] signed = signer.sign(pdf);
 * }</pre>
 */
public final class PadesSigner {

  private final SignerKey key;
  private final DigestAlgorithm digest;
  private final RsaPadding rsaPadding;
  private final Clock clock;
  private final @Nullable String reason;
  private final @Nullable String location;
  private final SignatureAlgorithm signatureAlgorithm;
  private final int reservedBytes;
  private final PadesLevel level;
  private final @Nullable TimestampClient timestampClient;
  private final CadesSignatureFactory cms;
  private final @Nullable RevocationSource revocationSource;
  private final @Nullable LongTermData longTerm;
  private final @Nullable DocMdp certify;
  private final @Nullable SignatureAppearance appearance;

  private PadesSigner(Builder builder, SignerKey key) {
    this.key = key;
    this.digest = builder.digest;
    this.rsaPadding = builder.rsaPadding;
    this.clock = builder.clock;
    this.reason = builder.reason;
    this.location = builder.location;
    this.signatureAlgorithm = SignerCertificatePolicy.algorithmFor(key, digest, rsaPadding);
    this.level = builder.level;
    this.timestampClient = builder.timestampClient;
    this.certify = builder.certify;
    this.appearance = builder.appearance;
    this.reservedBytes = ContentsReserve.bytes(key, level);
    BouncyCastleProvider provider = new BouncyCastleProvider();
    this.cms = new CadesSignatureFactory(provider);
    this.revocationSource = builder.revocationSource;
    this.longTerm =
        level == PadesLevel.B_LT || level == PadesLevel.B_LTA
            ? new LongTermData(LongTermData.sourceOrDefault(builder.revocationSource), provider)
            : null;
  }

  /**
   * Returns a new builder; {@link Builder#key(SignerKey)} is required.
   *
   * @return a builder with SHA-256 and the system UTC clock
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder preset with this signer's settings, to derive a variant.
   *
   * @return a builder
   */
  public Builder toBuilder() {
    Builder builder =
        new Builder().key(key).digest(digest).rsaPadding(rsaPadding).clock(clock).level(level);
    builder.reason = reason;
    builder.location = location;
    builder.timestampClient = timestampClient;
    builder.revocationSource = revocationSource;
    builder.certify = certify;
    builder.appearance = appearance;
    return builder;
  }

  /**
   * Signs a PDF.
   *
   * @param pdf the bytes of the PDF to sign; not modified
   * @return the signed PDF: the input bytes followed by an incremental update
   * @throws SigningException {@code OF-SIGN-201} if the input is not a PDF, {@code OF-SIGN-202} if
   *     it is encrypted, {@code OF-SIGN-203} if it has no pages, {@code OF-SIGN-301}/{@code 302} if
   *     the certificate is expired or not yet valid at the clock's time, {@code OF-SIGN-303} if it
   *     is not for signatures, {@code OF-SIGN-305}/{@code 306} if the key fails or does not match
   *     its certificate; at B-T, {@code OF-SIGN-6xx} if no usable timestamp was obtained (see
   *     {@link TimestampClient#timestamp}); {@code OF-SIGN-206} if certifying an already signed
   *     PDF, {@code OF-SIGN-207} if the PDF is certified with no changes allowed; for a visible
   *     signature, {@code OF-SIGN-208} if its page does not exist, {@code OF-SIGN-209} if its
   *     rectangle is not on the page, {@code OF-SIGN-210} if the font lacks a letter of the text,
   *     {@code OF-SIGN-211} if the text does not fit
   */
  public byte[] sign(byte[] pdf) {
    requireNonNull(pdf, "pdf");
    Instant signingTime = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    SignerCertificatePolicy.requireUsable(key, signingTime);
    PdfSignatureWriter.Dictionary dictionary =
        new PdfSignatureWriter.Dictionary(
            signingTime, reason, location, reservedBytes, certify, visible(signingTime));
    byte[][] container = new byte[1][];
    byte[] signed =
        PdfSignatureWriter.sign(
            pdf,
            dictionary,
            content -> {
              container[0] = cms.create(content, key, signatureAlgorithm, timestampClient);
              return container[0];
            });
    LongTermData validationData = longTerm;
    if (validationData == null) {
      return signed;
    }
    LongTermData.Collected collected = validationData.collect(key, container[0]);
    byte[] withDss = DssWriter.append(signed, collected.certificates(), collected.revocation());
    TimestampClient archive = timestampClient;
    if (level != PadesLevel.B_LTA || archive == null) {
      return withDss;
    }
    return DocumentTimestampWriter.timestamp(withDss, archive);
  }

  private VisibleSignature.@Nullable Spec visible(Instant signingTime) {
    SignatureAppearance chosen = appearance;
    if (chosen == null) {
      return null;
    }
    List<String> lines =
        chosen.lines().isEmpty()
            ? VisibleSignature.defaultLines(
                key.certificateChain().get(0), signingTime, chosen.zone())
            : chosen.lines();
    return new VisibleSignature.Spec(chosen, lines);
  }

  @Override
  public String toString() {
    return "PadesSigner[key="
        + key.id()
        + ", "
        + signatureAlgorithm
        + ", "
        + level
        + (certify == null ? "" : ", certify=" + certify)
        + (appearance == null ? "" : ", visible")
        + "]";
  }

  /** Builds a {@link PadesSigner}; not thread-safe. */
  public static final class Builder {
    private @Nullable SignerKey key;
    private DigestAlgorithm digest = DigestAlgorithm.SHA256;
    private RsaPadding rsaPadding = RsaPadding.PKCS1_V1_5;
    private Clock clock = Clock.systemUTC();
    private @Nullable String reason;
    private @Nullable String location;
    private PadesLevel level = PadesLevel.B_B;
    private @Nullable TimestampClient timestampClient;
    private @Nullable RevocationSource revocationSource;
    private @Nullable DocMdp certify;
    private @Nullable SignatureAppearance appearance;

    private Builder() {}

    /**
     * Sets the signer key (required).
     *
     * @param key the key; its certificate chain must not be empty
     * @return this builder
     */
    public Builder key(SignerKey key) {
      requireNonNull(key, "key");
      if (key.certificateChain().isEmpty()) {
        throw new IllegalArgumentException(
            "key must have a certificate chain, but key '" + key.id() + "' has none");
      }
      this.key = key;
      return this;
    }

    /**
     * Sets the digest algorithm; the default is SHA-256.
     *
     * @param digest the digest algorithm
     * @return this builder
     */
    public Builder digest(DigestAlgorithm digest) {
      this.digest = requireNonNull(digest, "digest");
      return this;
    }

    /**
     * Sets the padding of an RSA signature; the default is {@link RsaPadding#PKCS1_V1_5}. {@link
     * RsaPadding#PSS} signs with RSASSA-PSS (MGF1 and a salt as long as the {@linkplain
     * #digest(DigestAlgorithm) digest}); an ECDSA key then fails in {@link #build()}.
     *
     * @param rsaPadding the padding
     * @return this builder
     */
    public Builder rsaPadding(RsaPadding rsaPadding) {
      this.rsaPadding = requireNonNull(rsaPadding, "rsaPadding");
      return this;
    }

    /**
     * Sets the clock that gives the signing time; the default is {@link Clock#systemUTC()}.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the reason shown by PDF viewers ({@code /Reason}), e.g. "Xác nhận hồ sơ".
     *
     * @param reason the reason, not blank
     * @return this builder
     */
    public Builder reason(String reason) {
      this.reason = requireText(reason, "reason");
      return this;
    }

    /**
     * Sets the location shown by PDF viewers ({@code /Location}), e.g. "Hòa Phú, Việt Nam".
     *
     * @param location the location, not blank
     * @return this builder
     */
    public Builder location(String location) {
      this.location = requireText(location, "location");
      return this;
    }

    /**
     * Sets the PAdES baseline level to sign at: {@link PadesLevel#B_B} (the default), {@link
     * PadesLevel#B_T}, which needs a {@link #timestampClient}, or {@link PadesLevel#B_LT}, which
     * also adds the validation data (certificates, CRLs/OCSP responses) in a DSS, gathered by the
     * {@link #revocationSource}, or {@link PadesLevel#B_LTA}, which then adds a document timestamp
     * from the same {@link #timestampClient}.
     *
     * @param level {@code B_B}, {@code B_T}, {@code B_LT} or {@code B_LTA}
     * @return this builder
     */
    public Builder level(PadesLevel level) {
      requireNonNull(level, "level");
      if (level == PadesLevel.NONE) {
        throw new IllegalArgumentException(
            "level must be B_B, B_T, B_LT or B_LTA, but was " + level);
      }
      this.level = level;
      return this;
    }

    /**
     * Sets the client that obtains the signature timestamp at {@link PadesLevel#B_T}.
     *
     * @param client the timestamp client
     * @return this builder
     */
    public Builder timestampClient(TimestampClient client) {
      this.timestampClient = requireNonNull(client, "client");
      return this;
    }

    /**
     * Sets where revocation data for {@link PadesLevel#B_LT} comes from; the default is {@link
     * RevocationSource#online(Duration)} with a 10-second timeout (OCSP, then CRLs, from the URLs
     * in the certificates).
     *
     * @param source the revocation source
     * @return this builder
     */
    public Builder revocationSource(RevocationSource source) {
      this.revocationSource = requireNonNull(source, "source");
      return this;
    }

    /**
     * Makes the signature a certification signature (DocMDP): the document's author states which
     * changes may follow. Only the first signature of a document can certify it; by default
     * signatures are approval signatures.
     *
     * @param permission what may change after the certification
     * @return this builder
     */
    public Builder certify(DocMdp permission) {
      this.certify = requireNonNull(permission, "permission");
      return this;
    }

    /**
     * Makes the signature visible with this appearance; by default signatures are invisible.
     *
     * @param appearance the page, rectangle, text and font
     * @return this builder
     */
    public Builder appearance(SignatureAppearance appearance) {
      this.appearance = requireNonNull(appearance, "appearance");
      return this;
    }

    /**
     * Builds the signer.
     *
     * @return an immutable, thread-safe signer
     * @throws IllegalStateException if no key was set, if the level is B-T without a timestamp
     *     client, or if a timestamp client is set at B-B
     * @throws SigningException {@code OF-SIGN-304} if the key is neither RSA (2048 bits or more)
     *     nor EC, or if PSS padding is asked for with an EC key
     */
    public PadesSigner build() {
      SignerKey chosen = key;
      if (chosen == null) {
        throw new IllegalStateException("key is required; call key(SignerKey) before build()");
      }
      if (level != PadesLevel.B_B && timestampClient == null) {
        throw new IllegalStateException(
            "level " + level + " needs a timestamp client; call timestampClient(TimestampClient)");
      }
      if (level != PadesLevel.B_LT && level != PadesLevel.B_LTA && revocationSource != null) {
        throw new IllegalStateException(
            "a revocation source is set but the level is "
                + level
                + "; call level(PadesLevel.B_LT) to add validation data");
      }
      if (level == PadesLevel.B_B && timestampClient != null) {
        throw new IllegalStateException(
            "a timestamp client is set but the level is B_B; call level(PadesLevel.B_T) to"
                + " timestamp the signature");
      }
      return new PadesSigner(this, chosen);
    }

    private static String requireText(String value, String name) {
      requireNonNull(value, name);
      if (value.isBlank()) {
        throw new IllegalArgumentException(name + " must not be blank, but was '" + value + "'");
      }
      return value;
    }
  }
}
