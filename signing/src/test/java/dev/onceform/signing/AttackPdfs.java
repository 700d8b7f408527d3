package dev.onceform.signing;

import dev.onceform.signing.spi.SignerKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.Set;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Builds the files of the attack corpus: a one-page PDF with the structures that shadow attacks
 * abuse (an indirect font, an overlay form XObject, an optional content group, a text field), and
 * incremental updates written with PDFBox the way an attacker's tool would.
 */
final class AttackPdfs {

  static final COSName F1 = COSName.getPDFName("F1");
  static final COSName X1 = COSName.getPDFName("X1");
  static final COSName OC1 = COSName.getPDFName("oc1");

  private AttackPdfs() {}

  /** Changes a loaded document; objects to write are marked by the edit itself. */
  interface Edit {
    Set<COSDictionary> apply(PDDocument document) throws Exception;
  }

  /** The rich one-page PDF, not yet signed. */
  static byte[] rich() throws IOException {
    try (PDDocument document = new PDDocument()) {
      PDPage page = new PDPage(PDRectangle.A4);
      COSDictionary font = new COSDictionary();
      font.setItem(COSName.TYPE, COSName.FONT);
      font.setItem(COSName.SUBTYPE, COSName.TYPE1);
      font.setName(COSName.BASE_FONT, "Helvetica");
      COSStream overlay = stream(document, "");
      overlay.setItem(COSName.TYPE, COSName.XOBJECT);
      overlay.setItem(COSName.SUBTYPE, COSName.FORM);
      overlay.setItem(COSName.BBOX, PDRectangle.A4.getCOSArray());
      COSDictionary group = new COSDictionary();
      group.setItem(COSName.TYPE, COSName.OCG);
      group.setString(COSName.NAME, "Approval");
      COSDictionary resources = new COSDictionary();
      resources.setItem(COSName.FONT, dictionary(F1, font));
      resources.setItem(COSName.XOBJECT, dictionary(X1, overlay));
      resources.setItem(COSName.PROPERTIES, dictionary(OC1, group));
      page.getCOSObject().setItem(COSName.RESOURCES, resources);
      page.getCOSObject()
          .setItem(
              COSName.CONTENTS,
              stream(
                  document,
                  "BT /F1 14 Tf 72 770 Td (Pay 100 VND) Tj ET q /X1 Do Q"
                      + " /OC /oc1 BDC BT /F1 14 Tf 72 700 Td (Approved) Tj ET EMC\n"));
      document.addPage(page);
      COSDictionary properties = new COSDictionary();
      properties.setItem(COSName.OCGS, array(group));
      COSDictionary defaults = new COSDictionary();
      defaults.setItem(COSName.ON, array(group));
      properties.setItem(COSName.D, defaults);
      document.getDocumentCatalog().getCOSObject().setItem(COSName.OCPROPERTIES, properties);
      addTextField(document, page);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    }
  }

  /** A text field "amount" (value "100") whose widget has its own appearance stream. */
  private static void addTextField(PDDocument document, PDPage page) throws IOException {
    COSDictionary field = new COSDictionary();
    field.setItem(COSName.TYPE, COSName.ANNOT);
    field.setItem(COSName.SUBTYPE, COSName.WIDGET);
    field.setItem(COSName.FT, COSName.TX);
    field.setString(COSName.T, "amount");
    field.setString(COSName.V, "100");
    field.setItem(COSName.RECT, new PDRectangle(72, 600, 200, 20).getCOSArray());
    field.setItem(COSName.P, page.getCOSObject());
    COSStream normal = stream(document, "BT /F1 12 Tf 2 5 Td (100) Tj ET\n");
    normal.setItem(COSName.TYPE, COSName.XOBJECT);
    normal.setItem(COSName.SUBTYPE, COSName.FORM);
    normal.setItem(COSName.BBOX, new PDRectangle(200, 20).getCOSArray());
    field.setItem(COSName.AP, dictionary(COSName.N, normal));
    COSDictionary form = new COSDictionary();
    form.setItem(COSName.FIELDS, array(field));
    form.setString(COSName.DA, "/Helv 0 Tf 0 g");
    document.getDocumentCatalog().getCOSObject().setItem(COSName.ACRO_FORM, form);
    page.getCOSObject().setItem(COSName.ANNOTS, array(field));
  }

  /** Appends an incremental update made by {@code edit}. */
  static byte[] update(byte[] pdf, Edit edit) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      Set<COSDictionary> objects = edit.apply(document);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.saveIncremental(out, objects);
      return out.toByteArray();
    }
  }

  /** Replaces the data of a stream in place (same object number). */
  static void rewrite(COSStream stream, String content) throws IOException {
    try (OutputStream out = stream.createOutputStream()) {
      out.write(content.getBytes(StandardCharsets.US_ASCII));
    }
  }

  static COSStream stream(PDDocument document, String content) throws IOException {
    COSStream stream = document.getDocument().createCOSStream();
    rewrite(stream, content);
    return stream;
  }

  static String text(COSStream stream) throws IOException {
    try (InputStream in = stream.createInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
  }

  static COSDictionary dictionary(COSName key, COSDictionary value) {
    COSDictionary dictionary = new COSDictionary();
    dictionary.setItem(key, value);
    return dictionary;
  }

  static COSArray array(COSDictionary... items) {
    COSArray array = new COSArray();
    for (COSDictionary item : items) {
      array.add(item);
    }
    return array;
  }

  /**
   * Certifies a PDF: a signature whose dictionary carries a DocMDP reference with permission {@code
   * p}, named in the catalog's {@code /Perms /DocMDP} (ISO 32000-1 §12.8.2.2).
   */
  static byte[] certify(byte[] pdf, SignerKey key, Instant time, int p) throws IOException {
    return sign(pdf, key, time, p);
  }

  /**
   * Adds an approval signature without {@link PadesSigner}'s checks, e.g. on a PDF certified with
   * P=1, which {@link PadesSigner} refuses to sign.
   */
  static byte[] approve(byte[] pdf, SignerKey key, Instant time) throws IOException {
    return sign(pdf, key, time, 0);
  }

  /** Signs; with {@code p} of 1 to 3, as a certification signature with that permission. */
  private static byte[] sign(byte[] pdf, SignerKey key, Instant time, int p) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf);
        SignatureOptions options = new SignatureOptions()) {
      PDSignature signature = new PDSignature();
      signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
      signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
      Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
      calendar.setTimeInMillis(time.toEpochMilli());
      signature.setSignDate(calendar);
      if (p > 0) {
        COSDictionary params = new COSDictionary();
        params.setItem(COSName.TYPE, COSName.getPDFName("TransformParams"));
        params.setInt(COSName.P, p);
        params.setName(COSName.V, "1.2");
        COSDictionary reference = new COSDictionary();
        reference.setItem(COSName.TYPE, COSName.getPDFName("SigRef"));
        reference.setItem(COSName.TRANSFORM_METHOD, COSName.DOCMDP);
        reference.setItem(COSName.TRANSFORM_PARAMS, params);
        signature.getCOSObject().setItem(COSName.REFERENCE, array(reference));
        COSDictionary catalog = document.getDocumentCatalog().getCOSObject();
        catalog.setItem(COSName.PERMS, dictionary(COSName.DOCMDP, signature.getCOSObject()));
        catalog.setNeedToBeUpdated(true);
      }
      options.setPreferredSignatureSize(20_000);
      document.addSignature(signature, options);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ExternalSigningSupport external = document.saveIncrementalForExternalSigning(out);
      byte[] content;
      try (InputStream in = external.getContent()) {
        content = in.readAllBytes();
      }
      external.setSignature(
          new CadesSignatureFactory(new BouncyCastleProvider())
              .create(
                  content,
                  key,
                  SignerCertificatePolicy.algorithmFor(
                      key, DigestAlgorithm.SHA256, RsaPadding.PKCS1_V1_5),
                  null));
      return out.toByteArray();
    }
  }
}
