package dev.onceform.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onceform.signing.testing.ExternalTool;
import dev.onceform.signing.testing.OpensslCms;
import dev.onceform.signing.testing.SignedPdfParts;
import dev.onceform.signing.testing.TestPdfs;
import dev.onceform.signing.testing.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every key type, RSA padding and digest PAdES signs with: RSA-2048 with PKCS#1 v1.5 and with PSS,
 * ECDSA P-256 and P-384, each with SHA-256, SHA-384 and SHA-512. Each signature is checked by our
 * verifier, by {@code openssl cms -verify} (chain to the test CA) and by poppler's {@code pdfsig};
 * the CMS algorithm identifiers are read back. Certificates are checked at wall-clock time by
 * pdfsig, so the test PKI uses the system clock.
 */
class PadesAlgorithmsTest {

  private static final Clock CLOCK = Clock.systemUTC();
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final Map<TestPki.KeyType, TestPki> PKIS = new EnumMap<>(TestPki.KeyType.class);

  private static synchronized TestPki pki(TestPki.KeyType keyType) {
    return PKIS.computeIfAbsent(
        keyType, type -> TestPki.builder().clock(CLOCK).keyType(type).build());
  }

  static Stream<Arguments> algorithms() {
    List<Arguments> all = new ArrayList<>();
    for (DigestAlgorithm digest : DigestAlgorithm.values()) {
      all.add(Arguments.of(TestPki.KeyType.RSA_2048, RsaPadding.PKCS1_V1_5, digest));
      all.add(Arguments.of(TestPki.KeyType.RSA_2048, RsaPadding.PSS, digest));
      all.add(Arguments.of(TestPki.KeyType.EC_P256, RsaPadding.PKCS1_V1_5, digest));
      all.add(Arguments.of(TestPki.KeyType.EC_P384, RsaPadding.PKCS1_V1_5, digest));
    }
    return all.stream();
  }

  private static byte[] sign(TestPki pki, RsaPadding padding, DigestAlgorithm digest)
      throws Exception {
    return PadesSigner.builder()
        .key(pki.signerKey())
        .clock(CLOCK)
        .digest(digest)
        .rsaPadding(padding)
        .build()
        .sign(TestPdfs.onePage("Signed with " + digest));
  }

  private static SignatureReport verify(TestPki pki, byte[] pdf) {
    VerificationReport report =
        SignatureVerifier.builder()
            .trustAnchor(pki.caCertificate())
            .clock(CLOCK)
            .build()
            .verify(pdf);
    assertThat(report.signatures()).hasSize(1);
    return report.signatures().get(0);
  }

  private static SignerInformation signerInfo(byte[] pdf) throws Exception {
    CMSSignedData cms = new CMSSignedData(SignedPdfParts.lastSignature(pdf).cms());
    return cms.getSignerInfos().getSigners().iterator().next();
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("algorithms")
  void sign_everyKeyPaddingAndDigest_verifiedByUsAndCmsNamesTheAlgorithm(
      TestPki.KeyType keyType, RsaPadding padding, DigestAlgorithm digest) throws Exception {
    TestPki pki = pki(keyType);

    byte[] pdf = sign(pki, padding, digest);
    SignatureReport report = verify(pki, pdf);

    assertThat(report.indication()).as(report.reason().en()).isEqualTo(Indication.TOTAL_PASSED);
    SignerInformation signer = signerInfo(pdf);
    assertThat(signer.getDigestAlgOID()).isEqualTo(digest.oid());
    String expected =
        switch (keyType) {
          case RSA_2048 ->
              padding == RsaPadding.PSS
                  ? PKCSObjectIdentifiers.id_RSASSA_PSS.getId()
                  : switch (digest) {
                    case SHA256 -> PKCSObjectIdentifiers.sha256WithRSAEncryption.getId();
                    case SHA384 -> PKCSObjectIdentifiers.sha384WithRSAEncryption.getId();
                    case SHA512 -> PKCSObjectIdentifiers.sha512WithRSAEncryption.getId();
                  };
          case EC_P256, EC_P384 ->
              switch (digest) {
                case SHA256 -> "1.2.840.10045.4.3.2";
                case SHA384 -> "1.2.840.10045.4.3.3";
                case SHA512 -> "1.2.840.10045.4.3.4";
              };
        };
    assertThat(signer.getEncryptionAlgOID()).isEqualTo(expected);
    if (padding == RsaPadding.PSS) {
      RSASSAPSSparams params = RSASSAPSSparams.getInstance(signer.getEncryptionAlgParams());
      assertThat(params.getHashAlgorithm().getAlgorithm().getId()).isEqualTo(digest.oid());
      assertThat(params.getMaskGenAlgorithm().getAlgorithm())
          .isEqualTo(PKCSObjectIdentifiers.id_mgf1);
      assertThat(
              AlgorithmIdentifier.getInstance(params.getMaskGenAlgorithm().getParameters())
                  .getAlgorithm()
                  .getId())
          .isEqualTo(digest.oid());
      int digestBytes =
          switch (digest) {
            case SHA256 -> 32;
            case SHA384 -> 48;
            case SHA512 -> 64;
          };
      assertThat(params.getSaltLength().intValue())
          .as("salt as long as the digest")
          .isEqualTo(digestBytes);
    }
    if (keyType != TestPki.KeyType.RSA_2048) {
      int bits =
          ((ECPublicKey) pki.signerCertificate().getPublicKey()).getParams().getOrder().bitLength();
      assertThat(bits).isEqualTo(keyType == TestPki.KeyType.EC_P384 ? 384 : 256);
    }
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("algorithms")
  void sign_everyKeyPaddingAndDigest_checkedByOpensslCmsAndPdfsig(
      TestPki.KeyType keyType, RsaPadding padding, DigestAlgorithm digest, @TempDir Path directory)
      throws Exception {
    ExternalTool pdfsig = ExternalTool.require("pdfsig", "install poppler-utils");
    TestPki pki = pki(keyType);
    byte[] pdf = sign(pki, padding, digest);
    Path file = Files.write(directory.resolve("signed.pdf"), pdf);

    ExternalTool.Result cmsResult =
        OpensslCms.verify(
            directory, SignedPdfParts.lastSignature(pdf), pki.caCertificatePem(), null);
    ExternalTool.Result pdfsigResult = pdfsig.run(TIMEOUT, file.toString());

    assertThat(cmsResult.output()).contains("Verification successful");
    assertThat(cmsResult.exitCode()).isZero();
    assertThat(pdfsigResult.output())
        .contains("Signature Validation: Signature is Valid.")
        .contains("Hash Algorithm: " + digest.jcaName());
  }

  @Test
  void build_pssWithEcKey_throwsKeyAlgorithmUnsupported() {
    PadesSigner.Builder builder =
        PadesSigner.builder()
            .key(pki(TestPki.KeyType.EC_P256).signerKey())
            .rsaPadding(RsaPadding.PSS);

    assertThatThrownBy(builder::build)
        .isInstanceOfSatisfying(
            SigningException.class,
            e -> assertThat(e.code()).isEqualTo(SigningException.KEY_ALGORITHM_UNSUPPORTED))
        .hasMessageContaining("PSS needs an RSA key");
  }

  @Test
  void verify_pssHashOtherThanDigest_totalFailedFormatFailure() throws Exception {
    AlgorithmIdentifier sha512 = new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha512);
    RSASSAPSSparams params =
        new RSASSAPSSparams(
            sha512,
            new AlgorithmIdentifier(PKCSObjectIdentifiers.id_mgf1, sha512),
            new ASN1Integer(32),
            new ASN1Integer(1));

    SignatureReport report = verifyWithPssParameters(params);

    assertThat(report.indication()).isEqualTo(Indication.TOTAL_FAILED);
    assertThat(report.subIndication()).contains(SubIndication.FORMAT_FAILURE);
    assertThat(report.reason().key()).isEqualTo("cms.pssParameters");
    assertThat(report.reason().en()).contains("hash " + NISTObjectIdentifiers.id_sha512.getId());
  }

  @Test
  void verify_pssSaltLongerThanDigest_totalFailedFormatFailure() throws Exception {
    AlgorithmIdentifier sha256 = new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256);
    RSASSAPSSparams params =
        new RSASSAPSSparams(
            sha256,
            new AlgorithmIdentifier(PKCSObjectIdentifiers.id_mgf1, sha256),
            new ASN1Integer(100),
            new ASN1Integer(1));

    SignatureReport report = verifyWithPssParameters(params);

    assertThat(report.subIndication()).contains(SubIndication.FORMAT_FAILURE);
    assertThat(report.reason().en()).contains("salt of 100 bytes (at most 32)");
  }

  @Test
  void verify_pssWithoutParameters_sha1Refused() throws Exception {
    SignatureReport report = verifyWithPssParameters(DERNull.INSTANCE);

    assertThat(report.subIndication()).contains(SubIndication.FORMAT_FAILURE);
    assertThat(report.reason().vi()).contains("RSA-PSS");
    assertThat(report.reason().en()).contains("SHA-1");
  }

  /** Signs with PSS and SHA-256, then swaps the SignerInfo's PSS parameters for {@code params}. */
  private static SignatureReport verifyWithPssParameters(ASN1Encodable params) throws Exception {
    TestPki pki = pki(TestPki.KeyType.RSA_2048);
    byte[] pdf = sign(pki, RsaPadding.PSS, DigestAlgorithm.SHA256);
    SignedPdfParts parts = SignedPdfParts.lastSignature(pdf);
    ContentInfo contentInfo = ContentInfo.getInstance(parts.cms());
    SignedData signedData = SignedData.getInstance(contentInfo.getContent());
    SignerInfo original = SignerInfo.getInstance(signedData.getSignerInfos().getObjectAt(0));
    SignerInfo changed =
        new SignerInfo(
            original.getSID(),
            original.getDigestAlgorithm(),
            original.getAuthenticatedAttributes(),
            new AlgorithmIdentifier(PKCSObjectIdentifiers.id_RSASSA_PSS, params),
            original.getEncryptedDigest(),
            original.getUnauthenticatedAttributes());
    SignedData rebuilt =
        new SignedData(
            signedData.getDigestAlgorithms(),
            signedData.getEncapContentInfo(),
            signedData.getCertificates(),
            signedData.getCRLs(),
            new DERSet(changed));
    byte[] cms =
        new ContentInfo(contentInfo.getContentType(), rebuilt).getEncoded(ASN1Encoding.DER);
    return verify(pki, parts.withCms(pdf, cms));
  }
}
