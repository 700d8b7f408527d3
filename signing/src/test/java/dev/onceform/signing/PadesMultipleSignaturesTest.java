package dev.onceform.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onceform.signing.testing.ExternalTool;
import dev.onceform.signing.testing.TestOcsp;
import dev.onceform.signing.testing.TestPdfs;
import dev.onceform.signing.testing.TestPki;
import dev.onceform.signing.testing.TestTsa;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Several signatures on one document, and certification (DocMDP) signatures. */
class PadesMultipleSignaturesTest {

  private static final Instant NOW = Instant.parse("2026-11-23T08:30:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final Clock LATER = Clock.offset(CLOCK, Duration.ofMinutes(5));
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final TestPki OFFICIAL = TestPki.builder().clock(CLOCK).build();
  private static final TestPki AGENCY =
      TestPki.builder()
          .clock(CLOCK)
          .keyType(TestPki.KeyType.EC_P256)
          .signerSubject("CN=Văn phòng UBND xã Hòa Phú (TEST),O=Ủy ban nhân dân xã Hòa Phú,C=VN")
          .build();
  private static final SignatureVerifier VERIFIER =
      SignatureVerifier.builder()
          .trustAnchor(OFFICIAL.caCertificate())
          .trustAnchor(AGENCY.caCertificate())
          .clock(LATER)
          .build();

  private static PadesSigner.Builder signer(TestPki pki, Clock clock) {
    return PadesSigner.builder().key(pki.signerKey()).clock(clock);
  }

  private static byte[] officialThenAgency() throws Exception {
    byte[] once = signer(OFFICIAL, CLOCK).build().sign(TestPdfs.onePage("Two signatures"));
    return signer(AGENCY, LATER).build().sign(once);
  }

  private static List<String> signatureFieldNames(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return document.getSignatureFields().stream().map(PDField::getFullyQualifiedName).toList();
    }
  }

  @Test
  void sign_twiceWithTwoKeys_bothTotalPassedAndFirstBytesKept() throws Exception {
    byte[] once = signer(OFFICIAL, CLOCK).build().sign(TestPdfs.onePage("Two signatures"));

    byte[] twice = signer(AGENCY, LATER).build().sign(once);

    assertThat(Arrays.copyOf(twice, once.length)).isEqualTo(once);
    assertThat(signatureFieldNames(twice)).containsExactly("Signature1", "Signature2");
    VerificationReport report = VERIFIER.verify(twice);
    assertThat(report.indication()).isEqualTo(Indication.TOTAL_PASSED);
    assertThat(report.signatures()).hasSize(2);
    assertThat(report.signatures().get(0).indication()).isEqualTo(Indication.TOTAL_PASSED);
    assertThat(report.signatures().get(0).signerSubject().orElseThrow()).contains("xã Hòa Phú");
    assertThat(report.signatures().get(1).indication()).isEqualTo(Indication.TOTAL_PASSED);
    assertThat(report.signatures().get(1).signerSubject().orElseThrow()).contains("Văn phòng");
    assertThat(report.signatures().get(1).coversWholeDocument()).isTrue();
  }

  @Test
  void sign_threeTimes_namesSignature1To3() throws Exception {
    byte[] pdf = officialThenAgency();

    byte[] thrice = signer(OFFICIAL, LATER).build().sign(pdf);

    assertThat(signatureFieldNames(thrice))
        .containsExactly("Signature1", "Signature2", "Signature3");
    assertThat(VERIFIER.verify(thrice).indication()).isEqualTo(Indication.TOTAL_PASSED);
  }

  @Test
  void sign_formWithFieldNamedSignature1_usesSignature2() throws Exception {
    byte[] form = withTextField(TestPdfs.onePage("Form"), "Signature1");

    byte[] signed = signer(OFFICIAL, CLOCK).build().sign(form);

    assertThat(signatureFieldNames(signed)).containsExactly("Signature2");
    assertThat(VERIFIER.verify(signed).indication()).isEqualTo(Indication.TOTAL_PASSED);
  }

  @Test
  void sign_twice_checkedByPdfsigAndQpdf_bothValid(@TempDir Path directory) throws Exception {
    ExternalTool pdfsig = ExternalTool.require("pdfsig", "install poppler-utils");
    ExternalTool qpdf = ExternalTool.require("qpdf", "install qpdf");
    Path pdf = Files.write(directory.resolve("two.pdf"), officialThenAgency());

    ExternalTool.Result signatures = pdfsig.run(TIMEOUT, pdf.toString());
    ExternalTool.Result check = qpdf.run(TIMEOUT, "--check", pdf.toString());

    assertThat(count(signatures.output(), "Signature Validation: Signature is Valid."))
        .isEqualTo(2);
    assertThat(signatures.output()).contains("Signature #2").doesNotContain("Signature #3");
    assertThat(check.output()).contains("No syntax or stream encoding errors found");
    assertThat(check.exitCode()).isZero();
  }

  @Test
  void sign_btThenBlt_bothTotalPassedSecondAtBlt(@TempDir Path directory) throws Exception {
    try (TestOcsp ocsp = TestOcsp.builder().clock(CLOCK).start()) {
      TestPki pki = TestPki.builder().clock(CLOCK).revocationServer(ocsp).build();
      try (TestTsa tsa =
          TestTsa.builder()
              .key(pki.issueTsaKey(TestPki.TsaKeyUsage.TIME_STAMPING))
              .clock(CLOCK)
              .start()) {
        TimestampClient client =
            TimestampClient.builder()
                .url(tsa.url())
                .trustAnchor(pki.caCertificate())
                .clock(CLOCK)
                .build();
        PadesSigner bt = signer(pki, CLOCK).level(PadesLevel.B_T).timestampClient(client).build();
        byte[] once = bt.sign(TestPdfs.onePage("BT then BLT"));

        byte[] twice = bt.toBuilder().level(PadesLevel.B_LT).build().sign(once);

        VerificationReport report =
            SignatureVerifier.builder()
                .trustAnchor(pki.caCertificate())
                .clock(LATER)
                .build()
                .verify(twice);
        assertThat(report.indication()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(report.signatures().get(0).indication()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(report.signatures().get(1).level()).isEqualTo(PadesLevel.B_LT);
        ExternalTool pdfsig = ExternalTool.require("pdfsig", "install poppler-utils");
        Path pdf = Files.write(directory.resolve("bt-blt.pdf"), twice);
        assertThat(count(pdfsig.run(TIMEOUT, pdf.toString()).output(), "Signature is Valid."))
            .isEqualTo(2);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(DocMdp.class)
  void certify_writesDocMdpReferenceAndPerms(DocMdp permission) throws Exception {
    byte[] signed =
        signer(OFFICIAL, CLOCK).certify(permission).build().sign(TestPdfs.onePage("Certified"));

    try (PDDocument document = Loader.loadPDF(signed)) {
      PDSignatureField field = document.getSignatureFields().get(0);
      COSDictionary signature = field.getCOSObject().getCOSDictionary(COSName.V);
      COSArray references = signature.getCOSArray(COSName.getPDFName("Reference"));
      assertThat(references.size()).isEqualTo(1);
      COSDictionary reference = (COSDictionary) references.getObject(0);
      assertThat(reference.getCOSName(COSName.TYPE)).isEqualTo(COSName.getPDFName("SigRef"));
      assertThat(reference.getCOSName(COSName.getPDFName("TransformMethod")))
          .isEqualTo(COSName.DOCMDP);
      COSDictionary params = reference.getCOSDictionary(COSName.getPDFName("TransformParams"));
      assertThat(params.getCOSName(COSName.TYPE)).isEqualTo(COSName.getPDFName("TransformParams"));
      assertThat(params.getInt(COSName.P)).isEqualTo(permission.permission());
      assertThat(params.getNameAsString(COSName.V)).isEqualTo("1.2");
      // PDF/A-2/3 (6.1.12) forbids these beside DocMDP.
      assertThat(reference.keySet())
          .doesNotContain(
              COSName.getPDFName("DigestMethod"),
              COSName.getPDFName("DigestValue"),
              COSName.getPDFName("DigestLocation"));
      COSDictionary perms =
          document.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.PERMS);
      assertThat(perms.getCOSDictionary(COSName.DOCMDP)).isSameAs(signature);
    }
    assertThat(VERIFIER.verify(signed).indication()).isEqualTo(Indication.TOTAL_PASSED);
  }

  @Test
  void certify_formFillingThenApproval_checkedByPdfsig_bothValid(@TempDir Path directory)
      throws Exception {
    ExternalTool pdfsig = ExternalTool.require("pdfsig", "install poppler-utils");
    byte[] certified =
        signer(OFFICIAL, CLOCK)
            .certify(DocMdp.FORM_FILLING)
            .build()
            .sign(TestPdfs.onePage("Certified"));
    Path alone = Files.write(directory.resolve("certified.pdf"), certified);
    assertThat(pdfsig.run(TIMEOUT, alone.toString()).output()).contains("Signature is Valid.");

    byte[] approved = signer(AGENCY, LATER).build().sign(certified);

    Path pdf = Files.write(directory.resolve("certified-approved.pdf"), approved);
    assertThat(count(pdfsig.run(TIMEOUT, pdf.toString()).output(), "Signature is Valid."))
        .isEqualTo(2);
    assertThat(VERIFIER.verify(approved).indication()).isEqualTo(Indication.TOTAL_PASSED);
  }

  @Test
  void certify_alreadySignedPdf_throwsCertificationNotFirst() throws Exception {
    byte[] once = signer(OFFICIAL, CLOCK).build().sign(TestPdfs.onePage("Signed"));
    PadesSigner certifier = signer(AGENCY, LATER).certify(DocMdp.FORM_FILLING).build();

    assertThatThrownBy(() -> certifier.sign(once))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("OF-SIGN-206")
        .hasMessageContaining("already has 1 signature(s)")
        .hasMessageContaining("sign without certify(...)");
  }

  @Test
  void sign_documentCertifiedNoChanges_throwsDocumentCertifiedNoChanges() throws Exception {
    byte[] certified =
        signer(OFFICIAL, CLOCK).certify(DocMdp.NO_CHANGES).build().sign(TestPdfs.onePage("Locked"));
    PadesSigner approver = signer(AGENCY, LATER).build();

    assertThatThrownBy(() -> approver.sign(certified))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("OF-SIGN-207")
        .hasMessageContaining("/P 1");
  }

  @Test
  void toBuilder_keepsCertification() throws Exception {
    PadesSigner certifier = signer(OFFICIAL, CLOCK).certify(DocMdp.NO_CHANGES).build();

    byte[] signed = certifier.toBuilder().build().sign(TestPdfs.onePage("Derived"));

    try (PDDocument document = Loader.loadPDF(signed)) {
      assertThat(Certification.permission(document)).contains(1);
    }
  }

  private static int count(String text, String needle) {
    return (int) Pattern.compile(Pattern.quote(needle)).matcher(text).results().count();
  }

  private static byte[] withTextField(byte[] pdf, String name) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDAcroForm form = new PDAcroForm(document);
      document.getDocumentCatalog().setAcroForm(form);
      PDTextField field = new PDTextField(form);
      field.setPartialName(name);
      form.getFields().add(field);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    }
  }
}
