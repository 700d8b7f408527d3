package dev.onceform.signing;

import static dev.onceform.signing.AttackPdfs.F1;
import static dev.onceform.signing.AttackPdfs.X1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onceform.signing.testing.SignedPdfParts;
import dev.onceform.signing.testing.TestPdfs;
import dev.onceform.signing.testing.TestPki;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageTree;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The attack corpus: each test builds a manipulated file from a good signed one and checks the
 * exact indication, sub-indication and reason. Incremental Saving (ISA), Signature Wrapping (SWA)
 * and Universal Signature Forgery (USF) follow Mladenov et al., "1 Trillion Dollar Refund" (2019);
 * the shadow attacks follow Mainka et al., "Shadow Attacks" (2021).
 */
class PdfAttackTest {

  private static final Instant NOW = Instant.parse("2026-11-23T08:30:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final TestPki PKI = TestPki.builder().clock(CLOCK).build();
  private static final SignatureVerifier VERIFIER =
      SignatureVerifier.builder().trustAnchor(PKI.caCertificate()).clock(CLOCK).build();
  private static final PadesSigner SIGNER =
      PadesSigner.builder().key(PKI.signerKey()).clock(CLOCK).build();

  private static byte[] signedRich() throws Exception {
    return SIGNER.sign(AttackPdfs.rich());
  }

  // ---- Incremental Saving Attack ----

  @Test
  void isa_pageContentStreamRewritten_totalFailedNamesContentStream() throws Exception {
    byte[] attacked = AttackPdfs.update(signedRich(), PdfAttackTest::rewritePageContent);

    SignatureReport report = only(VERIFIER.verify(attacked));

    assertFailed(report, "changes.pageContent");
    assertThat(report.reason().en()).matches("The content stream \\(object \\d+\\) of page 1 .*");
    assertThat(report.reason().en()).doesNotContain("Pay 1000");
  }

  @Test
  void isa_pageContentsPointedAtNewStream_totalFailedNamesPageEntry() throws Exception {
    byte[] attacked =
        AttackPdfs.update(
            signedRich(),
            document -> {
              COSDictionary page = document.getPage(0).getCOSObject();
              page.setItem(
                  COSName.CONTENTS, AttackPdfs.stream(document, "BT /F1 14 Tf (Paid) Tj ET"));
              page.setNeedToBeUpdated(true);
              return Set.of(page);
            });

    SignatureReport report = only(VERIFIER.verify(attacked));

    assertFailed(report, "changes.page");
    assertThat(report.reason().en()).startsWith("Page 1 (object ").contains("(entries /Contents)");
  }

  @Test
  void isa_pageAdded_totalFailedPages() throws Exception {
    byte[] attacked = TestPdfs.withPageAppended(signedRich());

    SignatureReport report = only(VERIFIER.verify(attacked));

    assertFailed(report, "changes.pages");
    assertThat(report.reason().en()).contains("has 1 pages, the document now has 2");
  }

  @Test
  void isa_formFieldValueChanged_strictPolicy_totalFailedFormFill() throws Exception {
    byte[] attacked = AttackPdfs.update(signedRich(), PdfAttackTest::fillAmount);

    SignatureReport report = only(VERIFIER.verify(attacked));

    assertFailed(report, "changes.formFill");
    assertThat(report.reason().en()).contains("'amount'", "(STRICT)");
    assertThat(report.reason().en()).doesNotContain("999");
    assertThat(report.reason().vi()).doesNotContain("999");
  }

  @Test
  void formFill_allowFormFillPolicy_totalPassedPermittedChanges() throws Exception {
    byte[] filled = AttackPdfs.update(signedRich(), PdfAttackTest::fillAmount);
    SignatureVerifier lenient =
        VERIFIER.toBuilder().changePolicy(ChangePolicy.ALLOW_FORM_FILL).build();

    SignatureReport report = only(lenient.verify(filled));

    assertThat(report.indication()).as(report.toString()).isEqualTo(Indication.TOTAL_PASSED);
    assertThat(report.reason().key()).isEqualTo("signature.validPermittedChanges");
  }

  @Test
  void annotationAdded_strictPolicy_totalFailedAnnotation() throws Exception {
    byte[] annotated = AttackPdfs.update(signedRich(), PdfAttackTest::addTextAnnotation);

    SignatureReport report = only(VERIFIER.verify(annotated));

    assertFailed(report, "changes.annotation");
    assertThat(report.reason().en()).contains("(Text, object ", "to page 1", "(STRICT)");
  }

  @Test
  void annotationAdded_annotationsPolicy_totalPassed() throws Exception {
    byte[] annotated = AttackPdfs.update(signedRich(), PdfAttackTest::addTextAnnotation);
    SignatureVerifier lenient =
        VERIFIER.toBuilder().changePolicy(ChangePolicy.ALLOW_FORM_FILL_AND_ANNOTATIONS).build();

    SignatureReport report = only(lenient.verify(annotated));

    assertThat(report.indication()).as(report.toString()).isEqualTo(Indication.TOTAL_PASSED);
    assertThat(report.reason().key()).isEqualTo("signature.validPermittedChanges");
  }

  @Test
  void annotationAdded_formFillPolicy_stillTotalFailed() throws Exception {
    byte[] annotated = AttackPdfs.update(signedRich(), PdfAttackTest::addTextAnnotation);
    SignatureVerifier lenient =
        VERIFIER.toBuilder().changePolicy(ChangePolicy.ALLOW_FORM_FILL).build();

    assertFailed(only(lenient.verify(annotated)), "changes.annotation");
  }

  @Test
  void isa_hiddenBehindLaterValidSignature_firstTotalFailedSecondPassed() throws Exception {
    byte[] changed = AttackPdfs.update(signedRich(), PdfAttackTest::rewritePageContent);
    byte[] resigned = SIGNER.sign(changed);

    VerificationReport report = VERIFIER.verify(resigned);

    assertThat(report.signatures()).hasSize(2);
    assertFailed(report.signatures().get(0), "changes.pageContent");
    assertThat(report.signatures().get(1).indication()).isEqualTo(Indication.TOTAL_PASSED);
    assertThat(report.signatures().get(1).coversWholeDocument()).isTrue();
    assertThat(report.indication()).isEqualTo(Indication.TOTAL_FAILED);
    assertThat(report.subIndication()).contains(SubIndication.FORMAT_FAILURE);
    assertThat(report.reason().key()).isEqualTo("changes.pageContent");
  }

  @Test
  void secondSignature_firstStaysTotalPassedValidRevision() throws Exception {
    byte[] twice = SIGNER.sign(signedRich());

    VerificationReport report = VERIFIER.verify(twice);

    assertThat(report.indication()).as(report.toString()).isEqualTo(Indication.TOTAL_PASSED);
    assertThat(report.signatures()).hasSize(2);
    assertThat(report.signatures().get(0).reason().key()).isEqualTo("signature.validRevision");
    assertThat(report.signatures().get(1).reason().key()).isEqualTo("signature.valid");
  }

  @Test
  void secondSignatureThenPageAdded_bothTotalFailed() throws Exception {
    byte[] attacked = TestPdfs.withPageAppended(SIGNER.sign(signedRich()));

    VerificationReport report = VERIFIER.verify(attacked);

    assertFailed(report.signatures().get(0), "changes.pages");
    assertFailed(report.signatures().get(1), "changes.pages");
  }

  // ---- Certification (DocMDP) permissions ----

  private static byte[] certified(int p) throws Exception {
    return AttackPdfs.certify(AttackPdfs.rich(), PKI.signerKey(), NOW, p);
  }

  @Test
  void docMdp2_formFill_totalPassedPermittedChanges() throws Exception {
    byte[] filled = AttackPdfs.update(certified(2), PdfAttackTest::fillAmount);

    SignatureReport report = only(VERIFIER.verify(filled));

    assertThat(report.indication()).as(report.toString()).isEqualTo(Indication.TOTAL_PASSED);
    assertThat(report.reason().key()).isEqualTo("signature.validPermittedChanges");
  }

  @Test
  void docMdp1_formFill_totalFailedFormFillDocMdp() throws Exception {
    byte[] filled = AttackPdfs.update(certified(1), PdfAttackTest::fillAmount);

    SignatureReport report = only(VERIFIER.verify(filled));

    assertFailed(report, "changes.formFillDocMdp");
    assertThat(report.reason().en()).contains("(DocMDP P=1)");
  }

  @Test
  void docMdp1_laterSignature_firstTotalFailedSignatureDocMdp() throws Exception {
    // PadesSigner refuses to sign here (OF-SIGN-207); another product might not.
    VerificationReport report =
        VERIFIER.verify(AttackPdfs.approve(certified(1), PKI.signerKey(), NOW));

    assertFailed(report.signatures().get(0), "changes.signatureDocMdp");
    assertThat(report.signatures().get(1).indication()).isEqualTo(Indication.TOTAL_PASSED);
  }

  @Test
  void docMdp2_laterSignature_bothTotalPassed() throws Exception {
    VerificationReport report = VERIFIER.verify(SIGNER.sign(certified(2)));

    assertThat(report.indication()).as(report.toString()).isEqualTo(Indication.TOTAL_PASSED);
    assertThat(report.signatures().get(0).reason().key()).isEqualTo("signature.validRevision");
  }

  @Test
  void docMdp2_annotation_totalFailedAnnotationDocMdp() throws Exception {
    byte[] annotated = AttackPdfs.update(certified(2), PdfAttackTest::addTextAnnotation);
    SignatureVerifier lenient =
        VERIFIER.toBuilder().changePolicy(ChangePolicy.ALLOW_FORM_FILL_AND_ANNOTATIONS).build();

    // The certifier's P=2 decides, not the verifier's more lenient policy.
    assertFailed(only(lenient.verify(annotated)), "changes.annotationDocMdp");
  }

  @Test
  void docMdp3_annotation_totalPassed() throws Exception {
    byte[] annotated = AttackPdfs.update(certified(3), PdfAttackTest::addTextAnnotation);

    SignatureReport report = only(VERIFIER.verify(annotated));

    assertThat(report.indication()).as(report.toString()).isEqualTo(Indication.TOTAL_PASSED);
  }

  @Test
  void docMdp3_pageContentRewritten_stillTotalFailed() throws Exception {
    byte[] attacked = AttackPdfs.update(certified(3), PdfAttackTest::rewritePageContent);

    assertFailed(only(VERIFIER.verify(attacked)), "changes.pageContent");
  }

  // ---- Shadow attacks ----

  @Test
  void shadowHide_overlayXObjectRewritten_totalFailedNamesResource() throws Exception {
    byte[] attacked =
        AttackPdfs.update(
            signedRich(),
            document -> {
              COSStream overlay = xobject(document);
              AttackPdfs.rewrite(overlay, "1 g 0 0 595 842 re f 0 g BT /F1 14 Tf (Void) Tj ET");
              overlay.setNeedToBeUpdated(true);
              return Set.of(overlay);
            });

    SignatureReport report = only(VERIFIER.verify(attacked));

    assertFailed(report, "changes.pageResource");
    assertThat(report.reason().en()).startsWith("The resource /XObject /X1 (object ");
  }

  @Test
  void shadowHide_optionalContentSwitchedOff_totalFailedCatalog() throws Exception {
    byte[] attacked =
        AttackPdfs.update(
            signedRich(),
            document -> {
              COSDictionary catalog = document.getDocumentCatalog().getCOSObject();
              COSDictionary properties = catalog.getCOSDictionary(COSName.OCPROPERTIES);
              COSDictionary defaults = properties.getCOSDictionary(COSName.D);
              defaults.setItem(COSName.OFF, defaults.getItem(COSName.ON));
              defaults.removeItem(COSName.ON);
              catalog.setNeedToBeUpdated(true);
              properties.setNeedToBeUpdated(true);
              defaults.setNeedToBeUpdated(true);
              return Set.of(catalog, properties, defaults);
            });

    SignatureReport report = only(VERIFIER.verify(attacked));

    assertThat(report.indication()).as(report.toString()).isEqualTo(Indication.TOTAL_FAILED);
    assertThat(report.subIndication()).contains(SubIndication.FORMAT_FAILURE);
    assertThat(report.reason().key()).startsWith("changes.");
    assertThat(report.reason().en()).contains("after this signature");
  }

  @Test
  void shadowReplace_fontRewritten_totalFailedNamesFont() throws Exception {
    byte[] attacked =
        AttackPdfs.update(
            signedRich(),
            document -> {
              COSDictionary font =
                  resources(document).getCOSDictionary(COSName.FONT).getCOSDictionary(F1);
              font.setName(COSName.BASE_FONT, "Courier");
              font.setNeedToBeUpdated(true);
              return Set.of(font);
            });

    SignatureReport report = only(VERIFIER.verify(attacked));

    assertFailed(report, "changes.pageResource");
    assertThat(report.reason().en()).startsWith("The resource /Font /F1 (object ");
  }

  @Test
  void shadowReplace_fieldAppearanceReplacedWithoutValue_totalFailedFormField() throws Exception {
    byte[] attacked =
        AttackPdfs.update(
            signedRich(),
            document -> {
              COSDictionary field = amountField(document);
              COSStream fake = AttackPdfs.stream(document, "BT /F1 12 Tf 2 5 Td (999) Tj ET");
              fake.setItem(COSName.TYPE, COSName.XOBJECT);
              fake.setItem(COSName.SUBTYPE, COSName.FORM);
              fake.setItem(COSName.BBOX, new PDRectangle(200, 20).getCOSArray());
              field.setItem(COSName.AP, AttackPdfs.dictionary(COSName.N, fake));
              field.setNeedToBeUpdated(true);
              return Set.of(field);
            });

    SignatureReport report = only(VERIFIER.verify(attacked));

    assertFailed(report, "changes.formField");
    assertThat(report.reason().en()).startsWith("The form field 'amount' (object ");
  }

  @Test
  void shadowHideAndReplace_newPageTree_totalFailedCatalogPages() throws Exception {
    byte[] attacked =
        AttackPdfs.update(
            signedRich(),
            document -> {
              COSDictionary catalog = document.getDocumentCatalog().getCOSObject();
              PDPageTree tree = new PDPageTree();
              PDPage page = new PDPage(PDRectangle.A4);
              page.getCOSObject().setItem(COSName.RESOURCES, resources(document));
              page.getCOSObject()
                  .setItem(
                      COSName.CONTENTS,
                      AttackPdfs.stream(document, "BT /F1 14 Tf 72 770 Td (Pay 1000 VND) Tj ET"));
              tree.add(page);
              catalog.setItem(COSName.PAGES, tree.getCOSObject());
              catalog.setNeedToBeUpdated(true);
              return Set.of(catalog);
            });

    SignatureReport report = only(VERIFIER.verify(attacked));

    assertFailed(report, "changes.catalog");
    assertThat(report.reason().en()).startsWith("The document catalog entry /Pages was changed");
  }

  @Test
  void shadowHideAndReplace_pageTreeNodeRewritten_totalFailedPages() throws Exception {
    byte[] attacked =
        AttackPdfs.update(
            signedRich(),
            document -> {
              COSDictionary pages = document.getPages().getCOSObject();
              PDPage page = new PDPage(PDRectangle.A4);
              page.getCOSObject().setItem(COSName.PARENT, pages);
              page.getCOSObject().setItem(COSName.CONTENTS, AttackPdfs.stream(document, "BT ET"));
              COSArray kids = new COSArray();
              kids.add(page.getCOSObject());
              pages.setItem(COSName.KIDS, kids);
              pages.setNeedToBeUpdated(true);
              return Set.of(pages);
            });

    SignatureReport report = only(VERIFIER.verify(attacked));

    assertFailed(report, "changes.pages");
  }

  // ---- Signature Wrapping ----

  @Test
  void swa_objectsWrittenIntoContentsPadding_totalFailedContentsMismatch() throws Exception {
    byte[] pdf = signedRich();
    SignedPdfParts parts = SignedPdfParts.lastSignature(pdf);
    // After the DER CMS, the zero padding is unsigned: close the string early and put new
    // entries there, as SWA does with the space it makes.
    String payload = "> /Note (Pay 1000 VND) /Pad <";
    int at = parts.gapStart() + 1 + 2 * parts.cms().length + 20;

    SignatureReport report = only(VERIFIER.verify(overwrite(pdf, at, payload)));

    assertFailed(report, "byteRange.contentsMismatch");
  }

  @Test
  void swa_signedTailMovedIntoGap_totalFailedContentsMismatch() throws Exception {
    byte[] pdf = signedRich();
    long[] range = byteRange(pdf);
    // The gap is made 10 bytes longer, so part of the signed tail now lies in the unsigned gap.
    byte[] attacked =
        withByteRange(pdf, "[0 " + range[1] + " " + (range[2] + 10) + " " + (range[3] - 10) + "]");

    assertFailed(only(VERIFIER.verify(attacked)), "byteRange.contentsMismatch");
  }

  @Test
  void swa_overlappingRanges_totalFailedMalformed() throws Exception {
    byte[] pdf = signedRich();
    long[] range = byteRange(pdf);
    byte[] attacked =
        withByteRange(
            pdf, "[0 " + range[1] + " " + (range[1] - 100) + " " + (range[3] + 100) + "]");

    assertFailed(only(VERIFIER.verify(attacked)), "byteRange.malformed");
  }

  // ---- Universal Signature Forgery ----

  @ParameterizedTest(name = "/ByteRange {0}")
  @CsvSource({
    "missing, byteRange.malformed",
    "null, byteRange.malformed",
    "zeros, byteRange.malformed",
    "negative, byteRange.malformed",
    "beyondEof, byteRange.malformed",
  })
  void usf_byteRangeManipulated_totalFailedFormatFailure(String variant, String key)
      throws Exception {
    byte[] pdf = signedRich();
    long[] range = byteRange(pdf);
    String value =
        switch (variant) {
          case "null" -> "null";
          case "zeros" -> "[0 0 0 0]";
          case "negative" -> "[0 " + range[1] + " " + range[2] + " -" + range[3] + "]";
          case "beyondEof" -> "[0 " + range[1] + " " + range[2] + " " + (range[3] + 9999) + "]";
          default -> "";
        };
    byte[] attacked =
        variant.equals("missing")
            ? replaceFirst(pdf, "/ByteRange [", "/ByteRangX [")
            : withByteRange(pdf, value);

    assertFailed(only(VERIFIER.verify(attacked)), key);
  }

  @ParameterizedTest(name = "/Contents {0}")
  @CsvSource({
    "missing, byteRange.contentsMismatch",
    "empty, byteRange.contentsMismatch",
    "null, byteRange.contentsMismatch",
    "zeros, cms.unreadable",
    "trailingBytes, cms.unreadable",
  })
  void usf_contentsManipulated_totalFailedFormatFailure(String variant, String key)
      throws Exception {
    byte[] pdf = signedRich();
    SignedPdfParts parts = SignedPdfParts.lastSignature(pdf);
    int hexStart = parts.gapStart() + 1;
    int hexLength = (int) (byteRange(pdf)[2] - parts.gapStart() - 2);
    byte[] attacked =
        switch (variant) {
          case "missing" -> replaceFirst(pdf, "/Contents <", "/Kontents <");
          case "empty" -> overwrite(pdf, parts.gapStart(), "<>" + " ".repeat(hexLength));
          case "null" -> overwrite(pdf, parts.gapStart(), "null" + " ".repeat(hexLength - 2));
          case "zeros" -> overwrite(pdf, hexStart, "0".repeat(hexLength));
          default -> overwrite(pdf, hexStart + 2 * parts.cms().length + 10, "AB");
        };

    assertFailed(only(VERIFIER.verify(attacked)), key);
  }

  // ---- edits ----

  private static Set<COSDictionary> rewritePageContent(PDDocument document) throws Exception {
    COSStream content = document.getPage(0).getCOSObject().getCOSStream(COSName.CONTENTS);
    AttackPdfs.rewrite(content, "BT /F1 14 Tf 72 770 Td (Pay 1000 VND) Tj ET\n");
    content.setNeedToBeUpdated(true);
    return Set.of(content);
  }

  private static Set<COSDictionary> fillAmount(PDDocument document) throws Exception {
    COSDictionary field = amountField(document);
    field.setString(COSName.V, "999");
    COSStream appearance = field.getCOSDictionary(COSName.AP).getCOSStream(COSName.N);
    AttackPdfs.rewrite(appearance, "BT /F1 12 Tf 2 5 Td (999) Tj ET\n");
    field.setNeedToBeUpdated(true);
    appearance.setNeedToBeUpdated(true);
    return Set.of(field, appearance);
  }

  private static Set<COSDictionary> addTextAnnotation(PDDocument document) throws Exception {
    COSDictionary page = document.getPage(0).getCOSObject();
    COSDictionary note = new COSDictionary();
    note.setItem(COSName.TYPE, COSName.ANNOT);
    note.setItem(COSName.SUBTYPE, COSName.getPDFName("Text"));
    note.setItem(COSName.RECT, new PDRectangle(300, 700, 20, 20).getCOSArray());
    note.setString(COSName.CONTENTS, "Checked");
    note.setItem(COSName.P, page);
    COSArray annots = page.getCOSArray(COSName.ANNOTS);
    annots.add(note);
    page.setNeedToBeUpdated(true);
    annots.setNeedToBeUpdated(true);
    return Set.of(page);
  }

  private static COSDictionary amountField(PDDocument document) {
    COSArray fields =
        document
            .getDocumentCatalog()
            .getCOSObject()
            .getCOSDictionary(COSName.ACRO_FORM)
            .getCOSArray(COSName.FIELDS);
    for (int i = 0; i < fields.size(); i++) {
      if (fields.getObject(i) instanceof COSDictionary field
          && "amount".equals(field.getString(COSName.T))) {
        return field;
      }
    }
    throw new AssertionError("no field 'amount'");
  }

  private static COSDictionary resources(PDDocument document) {
    return document.getPage(0).getCOSObject().getCOSDictionary(COSName.RESOURCES);
  }

  private static COSStream xobject(PDDocument document) {
    return resources(document).getCOSDictionary(COSName.XOBJECT).getCOSStream(X1);
  }

  // ---- assertions and byte surgery ----

  private static SignatureReport only(VerificationReport report) {
    assertThat(report.signatures()).as(report.toString()).hasSize(1);
    return report.signatures().get(0);
  }

  private static void assertFailed(SignatureReport report, String key) {
    assertThat(report.indication()).as(report.toString()).isEqualTo(Indication.TOTAL_FAILED);
    assertThat(report.subIndication()).as(report.toString()).contains(SubIndication.FORMAT_FAILURE);
    assertThat(report.reason().key()).as(report.reason().en()).isEqualTo(key);
    assertThat(report.reason().vi()).isNotBlank().isNotEqualTo(report.reason().en());
  }

  private static final Pattern BYTE_RANGE =
      Pattern.compile("/ByteRange \\[(\\d+) (\\d+) (\\d+) (\\d+)\\] *");

  private static long[] byteRange(byte[] pdf) {
    Matcher matcher = BYTE_RANGE.matcher(new String(pdf, StandardCharsets.ISO_8859_1));
    assertThat(matcher.find()).isTrue();
    long[] range = new long[4];
    for (int i = 0; i < 4; i++) {
      range[i] = Long.parseLong(matcher.group(i + 1));
    }
    return range;
  }

  /** Replaces the ByteRange value, padded with spaces to the width PDFBox reserved. */
  private static byte[] withByteRange(byte[] pdf, String value) {
    Matcher matcher = BYTE_RANGE.matcher(new String(pdf, StandardCharsets.ISO_8859_1));
    assertThat(matcher.find()).isTrue();
    String replacement = "/ByteRange " + value;
    int width = matcher.end() - matcher.start();
    assertThat(replacement.length()).isLessThanOrEqualTo(width);
    return overwrite(pdf, matcher.start(), replacement + " ".repeat(width - replacement.length()));
  }

  private static byte[] overwrite(byte[] pdf, int at, String text) {
    byte[] copy = pdf.clone();
    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
    System.arraycopy(bytes, 0, copy, at, bytes.length);
    return copy;
  }

  private static byte[] replaceFirst(byte[] pdf, String from, String to) {
    String text = new String(pdf, StandardCharsets.ISO_8859_1);
    int at = text.indexOf(from);
    assertThat(at).as("'%s' in the PDF", from).isNotNegative();
    return overwrite(pdf, at, to);
  }
}
