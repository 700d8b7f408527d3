package dev.onceform.signing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onceform.signing.testing.TestPki;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The Sneaky Signature Attack (Mainka et al., "PDF Insecurity: Evil Annotation and Sneaky Signature
 * Attacks", 2021): after a signature, an update adds a signature field that is never signed, whose
 * widget draws over the signed page. A later signature may add a field; a field without a signature
 * value is not a signature, and fails the earlier one.
 */
class SneakySignatureAttackTest {

  private static final Instant NOW = Instant.parse("2026-11-23T08:30:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final TestPki PKI = TestPki.builder().clock(CLOCK).build();
  private static final SignatureVerifier VERIFIER =
      SignatureVerifier.builder().trustAnchor(PKI.caCertificate()).clock(CLOCK).build();

  private static byte[] signed() throws Exception {
    return PadesSigner.builder().key(PKI.signerKey()).clock(CLOCK).build().sign(AttackPdfs.rich());
  }

  /** Adds "Signature9": a /Sig field without /V, its widget painting white over the page. */
  private static Set<COSDictionary> addUnsignedSignatureField(PDDocument document)
      throws Exception {
    return addSignatureField(document, null);
  }

  /** Adds "Signature9" with the first signature's own value dictionary as its /V. */
  private static Set<COSDictionary> addFieldReusingFirstValue(PDDocument document)
      throws Exception {
    COSDictionary first = document.getSignatureFields().get(0).getCOSObject();
    return addSignatureField(document, first.getCOSDictionary(COSName.V));
  }

  private static Set<COSDictionary> addSignatureField(
      PDDocument document, @Nullable COSDictionary value) throws Exception {
    COSDictionary page = document.getPage(0).getCOSObject();
    COSStream overlay = AttackPdfs.stream(document, "1 1 1 rg 0 0 400 200 re f");
    overlay.setItem(COSName.TYPE, COSName.XOBJECT);
    overlay.setItem(COSName.SUBTYPE, COSName.FORM);
    overlay.setItem(COSName.BBOX, new PDRectangle(400, 200).getCOSArray());
    COSDictionary field = new COSDictionary();
    field.setItem(COSName.FT, COSName.SIG);
    field.setString(COSName.T, "Signature9");
    field.setItem(COSName.TYPE, COSName.ANNOT);
    field.setItem(COSName.SUBTYPE, COSName.WIDGET);
    field.setItem(COSName.RECT, new PDRectangle(50, 500, 400, 200).getCOSArray());
    field.setInt(COSName.F, 4);
    field.setItem(COSName.P, page);
    field.setItem(COSName.AP, AttackPdfs.dictionary(COSName.N, overlay));
    if (value != null) {
      field.setItem(COSName.V, value);
    }
    COSDictionary form =
        document.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.ACRO_FORM);
    COSArray fields = form.getCOSArray(COSName.FIELDS);
    fields.add(field);
    COSArray annots = page.getCOSArray(COSName.ANNOTS);
    annots.add(field);
    form.setNeedToBeUpdated(true);
    fields.setNeedToBeUpdated(true);
    annots.setNeedToBeUpdated(true);
    page.setNeedToBeUpdated(true);
    field.setNeedToBeUpdated(true);
    return Set.of(page, form, field);
  }

  @Test
  void unsignedSignatureFieldPaintingOverThePage_totalFailed() throws Exception {
    byte[] attacked =
        AttackPdfs.update(signed(), SneakySignatureAttackTest::addUnsignedSignatureField);

    VerificationReport report = VERIFIER.verify(attacked);

    assertThat(report.signatures()).as(report.toString()).hasSize(1);
    SignatureReport signature = report.signatures().get(0);
    assertThat(signature.indication()).as(signature.toString()).isEqualTo(Indication.TOTAL_FAILED);
    assertThat(signature.subIndication()).contains(SubIndication.FORMAT_FAILURE);
    assertThat(signature.reason().key()).isEqualTo("changes.unsignedSignatureField");
    assertThat(signature.reason().en()).contains("Signature9");
    assertThat(report.indication()).isEqualTo(Indication.TOTAL_FAILED);
  }

  @Test
  void newFieldReusingTheFirstSignaturesValue_totalFailed() throws Exception {
    byte[] attacked =
        AttackPdfs.update(signed(), SneakySignatureAttackTest::addFieldReusingFirstValue);

    VerificationReport report = VERIFIER.verify(attacked);

    SignatureReport first = report.signatures().get(0);
    assertThat(first.indication()).as(first.toString()).isEqualTo(Indication.TOTAL_FAILED);
    assertThat(first.reason().key()).isEqualTo("changes.unsignedSignatureField");
    assertThat(report.indication()).isNotEqualTo(Indication.TOTAL_PASSED);
  }

  @Test
  void attackerSignsVisiblyOverThePage_firstPassesButTheAttackersSignatureIsNotTrusted()
      throws Exception {
    TestPki attacker = TestPki.builder().clock(CLOCK).build();
    SignatureAppearance overlay =
        SignatureAppearance.builder()
            .page(0)
            .rectangle(50, 500, 400, 200)
            .font(SignatureAppearanceTest.FONT)
            .lines(List.of("ĐÃ THANH TOÁN"))
            .build();

    byte[] attacked =
        PadesSigner.builder()
            .key(attacker.signerKey())
            .clock(CLOCK)
            .appearance(overlay)
            .build()
            .sign(signed());
    VerificationReport report = VERIFIER.verify(attacked);

    // A later signature is a permitted change, so the first signature stays valid; the visible
    // one is reported on its own, and its signer is not trusted, so the document does not pass.
    assertThat(report.signatures()).hasSize(2);
    assertThat(report.signatures().get(0).indication()).isEqualTo(Indication.TOTAL_PASSED);
    assertThat(report.signatures().get(1).indication()).isEqualTo(Indication.INDETERMINATE);
    assertThat(report.signatures().get(1).subIndication())
        .contains(SubIndication.NO_CERTIFICATE_CHAIN_FOUND);
    assertThat(report.indication()).isNotEqualTo(Indication.TOTAL_PASSED);
  }
}
