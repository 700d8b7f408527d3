package dev.onceform.signing.testing;

import dev.onceform.signing.DigestAlgorithm;
import dev.onceform.signing.RsaPadding;
import dev.onceform.signing.spi.SignatureAlgorithm;
import dev.onceform.signing.spi.SignerKey;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Boolean;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.cmp.PKIStatusInfo;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.tsp.MessageImprint;
import org.bouncycastle.asn1.tsp.TSTInfo;
import org.bouncycastle.asn1.tsp.TimeStampResp;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * Answers TimeStampReqs for {@link TestTsa}: with BouncyCastle's {@link TimeStampTokenGenerator}
 * when the key's certificate is fit for time-stamping, else with a token built by hand (the
 * BouncyCastle generator refuses such a certificate, but a misbehaving TSA would not).
 */
final class TsaTokens {

  private static final String KEY_PURPOSE_TIME_STAMPING = "1.3.6.1.5.5.7.3.8";
  private static final Set<ASN1ObjectIdentifier> DIGESTS =
      Set.of(TSPAlgorithms.SHA256, TSPAlgorithms.SHA384, TSPAlgorithms.SHA512);

  private final SignerKey key;
  private final SignatureAlgorithm algorithm;
  private final ASN1ObjectIdentifier policy;
  private final boolean fitForTimeStamping;

  TsaTokens(SignerKey key, String policy, RsaPadding padding) {
    this.key = key;
    String keyAlgorithm = key.certificate().getPublicKey().getAlgorithm();
    this.algorithm =
        padding == RsaPadding.PSS && "RSA".equals(keyAlgorithm)
            ? SignatureAlgorithm.RSA_PSS_SHA256
            : SignatureAlgorithm.of(keyAlgorithm, DigestAlgorithm.SHA256)
                .orElseThrow(
                    () ->
                        new IllegalArgumentException("the TSA key must be RSA or EC: " + key.id()));
    this.policy = new ASN1ObjectIdentifier(policy);
    this.fitForTimeStamping = hasTimeStampingUsage(key.certificate());
  }

  /** Answers {@code request}; with {@code wrongNonce}, the token carries another nonce. */
  TimeStampResponse answer(
      TimeStampRequest request, BigInteger serial, Instant time, boolean wrongNonce)
      throws TSPException, IOException {
    TimeStampRequest answered = wrongNonce ? withOtherNonce(request) : request;
    try {
      if (!fitForTimeStamping) {
        return handMade(answered, serial, time);
      }
      DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().build();
      SignerInfoGenerator signerInfo =
          new JcaSignerInfoGeneratorBuilder(digests)
              .build(new SignerKeyContentSigner(key, algorithm), key.certificate());
      TimeStampTokenGenerator tokens =
          new TimeStampTokenGenerator(
              signerInfo,
              digests.get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
              policy);
      tokens.addCertificates(new JcaCertStore(key.certificateChain()));
      return new TimeStampResponseGenerator(tokens, DIGESTS)
          .generate(answered, serial, Date.from(time));
    } catch (OperatorCreationException | GeneralSecurityException | CMSException e) {
      throw new TSPException("the test TSA cannot sign: " + e, e);
    }
  }

  /** A response that rejects a request the TSA cannot read. */
  static TimeStampResponse badRequest(String reason) throws TSPException {
    return new TimeStampResponseGenerator(null, DIGESTS)
        .generateFailResponse(PKIStatus.REJECTION, PKIFailureInfo.badDataFormat, reason);
  }

  private static TimeStampRequest withOtherNonce(TimeStampRequest request) {
    TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
    generator.setCertReq(request.getCertReq());
    if (request.getReqPolicy() != null) {
      generator.setReqPolicy(request.getReqPolicy());
    }
    BigInteger nonce =
        request.getNonce() == null ? BigInteger.ONE : request.getNonce().add(BigInteger.ONE);
    return generator.generate(
        request.getMessageImprintAlgID(), request.getMessageImprintDigest(), nonce);
  }

  /** A granted response whose token is signed with a certificate BouncyCastle would refuse. */
  private TimeStampResponse handMade(TimeStampRequest request, BigInteger serial, Instant genTime)
      throws GeneralSecurityException,
          OperatorCreationException,
          CMSException,
          IOException,
          TSPException {
    Instant time = genTime.truncatedTo(ChronoUnit.SECONDS);
    TSTInfo info =
        new TSTInfo(
            request.getReqPolicy() == null ? policy : request.getReqPolicy(),
            new MessageImprint(request.getMessageImprintAlgID(), request.getMessageImprintDigest()),
            new ASN1Integer(serial),
            new ASN1GeneralizedTime(Date.from(time)),
            null,
            ASN1Boolean.FALSE,
            request.getNonce() == null ? null : new ASN1Integer(request.getNonce()),
            null,
            null);
    X509Certificate certificate = key.certificate();
    SignerInfoGenerator signerInfo =
        new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
            .setSignedAttributeGenerator(
                new DefaultSignedAttributeTableGenerator(
                    new AttributeTable(
                        new DERSet(
                            new Attribute[] {
                              signingCertificate(certificate),
                              // BouncyCastle requires it to agree with genTime.
                              new Attribute(
                                  CMSAttributes.signingTime, new DERSet(new Time(Date.from(time))))
                            }))))
            .build(new SignerKeyContentSigner(key, algorithm), certificate);
    CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
    generator.addSignerInfoGenerator(signerInfo);
    generator.addCertificates(new JcaCertStore(key.certificateChain()));
    CMSSignedData token =
        generator.generate(
            new CMSProcessableByteArray(
                PKCSObjectIdentifiers.id_ct_TSTInfo, info.getEncoded(ASN1Encoding.DER)),
            true);
    return new TimeStampResponse(
        new TimeStampResp(new PKIStatusInfo(PKIStatus.granted), token.toASN1Structure()));
  }

  private static Attribute signingCertificate(X509Certificate certificate)
      throws GeneralSecurityException {
    byte[] hash = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
    X500Name issuer = X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded());
    IssuerSerial issuerSerial =
        new IssuerSerial(new GeneralNames(new GeneralName(issuer)), certificate.getSerialNumber());
    return new Attribute(
        PKCSObjectIdentifiers.id_aa_signingCertificateV2,
        new DERSet(
            new SigningCertificateV2(new ESSCertIDv2[] {new ESSCertIDv2(hash, issuerSerial)})));
  }

  private static boolean hasTimeStampingUsage(X509Certificate certificate) {
    try {
      List<String> usages = certificate.getExtendedKeyUsage();
      return usages != null && usages.contains(KEY_PURPOSE_TIME_STAMPING);
    } catch (CertificateParsingException e) {
      return false;
    }
  }
}
