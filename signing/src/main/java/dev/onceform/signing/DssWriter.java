package dev.onceform.signing;

import dev.onceform.signing.spi.RevocationData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.cert.CRLException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Adds a Document Security Store (ETSI EN 319 142-1 §5.4.2, ISO 32000-2 §12.8.4.3) to a PDF as an
 * incremental update: the catalog gets a {@code /DSS} dictionary whose {@code /Certs}, {@code
 * /CRLs} and {@code /OCSPs} arrays refer to new streams with the DER encodings. Entries of an
 * earlier DSS are kept. Nothing else is written, so earlier signatures and PDF/A conformance stay.
 */
final class DssWriter {

  static final COSName DSS = COSName.getPDFName("DSS");
  static final COSName CERTS = COSName.getPDFName("Certs");
  static final COSName CRLS = COSName.getPDFName("CRLs");
  static final COSName OCSPS = COSName.getPDFName("OCSPs");

  private DssWriter() {}

  static byte[] append(byte[] pdf, List<X509Certificate> certificates, RevocationData revocation) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      COSDictionary catalog = document.getDocumentCatalog().getCOSObject();
      COSDictionary old = catalog.getCOSDictionary(DSS);
      // An existing DSS is updated in place, so that no dictionary is left behind unreferenced.
      COSDictionary dss = old == null ? new COSDictionary() : old;
      putArray(dss, CERTS, array(document, old, CERTS, certificateBytes(certificates)));
      putArray(dss, CRLS, array(document, old, CRLS, crlBytes(revocation.crls())));
      putArray(dss, OCSPS, array(document, old, OCSPS, revocation.ocspResponses()));
      if (old == null) {
        catalog.setItem(DSS, dss);
      }
      dss.setNeedToBeUpdated(true);
      catalog.setNeedToBeUpdated(true);
      ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 16384);
      document.saveIncremental(out);
      return out.toByteArray();
    } catch (IOException | CertificateEncodingException | CRLException e) {
      throw SigningException.of(
          e,
          SigningException.PDF_WRITE_FAILED,
          "the DSS (B-LT validation data) could not be added to the signed PDF: %s",
          e.getMessage());
    }
  }

  private static void putArray(COSDictionary dss, COSName key, COSArray array) {
    if (array.size() > 0) {
      dss.setItem(key, array);
    }
  }

  private static COSArray array(
      PDDocument document, COSDictionary old, COSName key, List<byte[]> encodings)
      throws IOException {
    COSArray array = new COSArray();
    COSArray previous = old == null ? null : old.getCOSArray(key);
    List<byte[]> present = new ArrayList<>();
    if (previous != null) {
      for (int i = 0; i < previous.size(); i++) {
        COSBase item = previous.get(i);
        array.add(item);
        if (previous.getObject(i) instanceof COSStream stream) {
          try (InputStream in = stream.createInputStream()) {
            present.add(in.readAllBytes());
          }
        }
      }
    }
    for (byte[] encoded : encodings) {
      if (present.stream().anyMatch(bytes -> Arrays.equals(bytes, encoded))) {
        continue; // already in the DSS
      }
      present.add(encoded);
      COSStream stream = document.getDocument().createCOSStream();
      try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
        out.write(encoded);
      }
      array.add(stream);
    }
    return array;
  }

  private static List<byte[]> certificateBytes(List<X509Certificate> certificates)
      throws CertificateEncodingException {
    List<byte[]> encodings = new ArrayList<>();
    for (X509Certificate certificate : certificates) {
      encodings.add(certificate.getEncoded());
    }
    return encodings;
  }

  private static List<byte[]> crlBytes(List<X509CRL> crls) throws CRLException {
    List<byte[]> encodings = new ArrayList<>();
    for (X509CRL crl : crls) {
      encodings.add(crl.getEncoded());
    }
    return encodings;
  }
}
