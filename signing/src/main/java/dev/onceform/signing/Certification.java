package dev.onceform.signing;

import java.util.Optional;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;

/**
 * Certification (DocMDP) in the PDF: refuses signing where a new signature would break a
 * certification or could not be one, and writes the transform for a new certification signature.
 */
final class Certification {

  private static final COSName TRANSFORM_METHOD = COSName.getPDFName("TransformMethod");
  private static final COSName TRANSFORM_PARAMS = COSName.getPDFName("TransformParams");
  private static final COSName REFERENCE = COSName.getPDFName("Reference");
  private static final COSName SIG_REF = COSName.getPDFName("SigRef");

  /** The /P value when /TransformParams has none (ISO 32000-1, table 254). */
  private static final int DEFAULT_PERMISSION = 2;

  private Certification() {}

  /**
   * Checks that a signature may be added to {@code document}.
   *
   * @param certify the certification level the new signature asks for, or empty for an approval
   *     signature
   * @throws SigningException {@code OF-SIGN-206} if a certification is asked for but the document
   *     is already signed, {@code OF-SIGN-207} if the document is certified with no changes allowed
   */
  static void checkAllowed(PDDocument document, Optional<DocMdp> certify, int length) {
    int existing = document.getSignatureDictionaries().size();
    if (certify.isPresent() && existing > 0) {
      throw SigningException.of(
          SigningException.CERTIFICATION_NOT_FIRST,
          "certify(%s) was set but the PDF (%d bytes) already has %d signature(s); only the first"
              + " signature of a document can certify it: sign without certify(...)",
          certify.orElseThrow(),
          length,
          existing);
    }
    if (permission(document).orElse(0) == DocMdp.NO_CHANGES.permission()) {
      throw SigningException.of(
          SigningException.DOCUMENT_CERTIFIED_NO_CHANGES,
          "the PDF (%d bytes) is certified with DocMDP /P 1 (no changes allowed); another"
              + " signature would break the certification: sign the document before it is"
              + " certified, or certify it with DocMdp.FORM_FILLING",
          length);
    }
  }

  /** Returns the DocMDP /P of the document's certification signature, if it is certified. */
  static Optional<Integer> permission(PDDocument document) {
    COSDictionary perms =
        document.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.PERMS);
    if (perms == null) {
      return Optional.empty();
    }
    COSDictionary signature = perms.getCOSDictionary(COSName.DOCMDP);
    if (signature == null) {
      return Optional.empty();
    }
    COSArray references = signature.getCOSArray(REFERENCE);
    if (references == null) {
      // A /DocMDP entry without a transform still marks the document as certified.
      return Optional.of(DEFAULT_PERMISSION);
    }
    for (COSBase base : references) {
      COSBase value = base instanceof COSObject object ? object.getObject() : base;
      if (value instanceof COSDictionary reference
          && COSName.DOCMDP.equals(reference.getCOSName(TRANSFORM_METHOD))) {
        COSDictionary params = reference.getCOSDictionary(TRANSFORM_PARAMS);
        return Optional.of(
            params == null ? DEFAULT_PERMISSION : params.getInt(COSName.P, DEFAULT_PERMISSION));
      }
    }
    return Optional.of(DEFAULT_PERMISSION);
  }

  /**
   * Makes {@code signature} a certification signature: the DocMDP signature reference in the
   * signature dictionary and {@code /Perms /DocMDP} in the catalog. Call after {@code
   * addSignature}, which marks the catalog for the incremental update.
   */
  static void certify(PDDocument document, PDSignature signature, DocMdp level) {
    COSDictionary params = new COSDictionary();
    params.setItem(COSName.TYPE, TRANSFORM_PARAMS);
    params.setInt(COSName.P, level.permission());
    params.setName(COSName.V, "1.2");
    COSDictionary reference = new COSDictionary();
    reference.setItem(COSName.TYPE, SIG_REF);
    reference.setItem(TRANSFORM_METHOD, COSName.DOCMDP);
    reference.setItem(TRANSFORM_PARAMS, params);
    // No /DigestMethod: PDF/A (ISO 19005-2/3, 6.1.12) forbids it beside DocMDP and PDF 2.0
    // deprecates it; the signature's own digest is in the CMS.
    COSArray references = new COSArray();
    references.add(reference);
    signature.getCOSObject().setItem(REFERENCE, references);
    COSDictionary catalog = document.getDocumentCatalog().getCOSObject();
    COSDictionary perms = catalog.getCOSDictionary(COSName.PERMS);
    if (perms == null) {
      perms = new COSDictionary();
      catalog.setItem(COSName.PERMS, perms);
    }
    // Keeps other permissions such as /UR3; written in the update with the catalog or by itself.
    perms.setItem(COSName.DOCMDP, signature);
    perms.setNeedToBeUpdated(true);
    catalog.setNeedToBeUpdated(true);
  }
}
