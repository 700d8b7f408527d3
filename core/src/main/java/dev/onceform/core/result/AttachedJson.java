package dev.onceform.core.result;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;

/**
 * Embeds JSON data in a PDF/A-3 document as an associated file, the way Factur-X and ZUGFeRD embed
 * their XML: an embedded file stream with {@code /Subtype /application#2Fjson} and {@code /Params}
 * (size, modification date), a file specification with {@code /F}, {@code /UF} and {@code
 * /AFRelationship /Data}, listed in the catalog's {@code /AF} array and in the {@code
 * EmbeddedFiles} name tree.
 */
final class AttachedJson {
  static final String MEDIA_TYPE = "application/json";
  static final COSName AF = COSName.getPDFName("AF");
  static final COSName AF_RELATIONSHIP = COSName.getPDFName("AFRelationship");
  static final COSName DATA = COSName.getPDFName("Data");

  private AttachedJson() {}

  static void attach(PDDocument document, String fileName, byte[] json, Calendar date)
      throws IOException {
    PDEmbeddedFile file = new PDEmbeddedFile(document, new ByteArrayInputStream(json));
    file.setSubtype(MEDIA_TYPE);
    file.setSize(json.length);
    file.setModDate(date);
    file.setCreationDate(date);

    PDComplexFileSpecification spec = new PDComplexFileSpecification();
    spec.setFile(fileName);
    spec.setFileUnicode(fileName);
    spec.setFileDescription("OnceForm data (" + fileName + ")");
    spec.setEmbeddedFile(file);
    spec.setEmbeddedFileUnicode(file);
    spec.getCOSObject().setItem(AF_RELATIONSHIP, DATA);

    PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
    tree.setNames(Map.of(fileName, spec));
    PDDocumentCatalog catalog = document.getDocumentCatalog();
    PDDocumentNameDictionary names = new PDDocumentNameDictionary(catalog);
    names.setEmbeddedFiles(tree);
    catalog.setNames(names);

    COSArray associated = new COSArray(List.of(spec));
    catalog.getCOSObject().setItem(AF, associated);
  }
}
