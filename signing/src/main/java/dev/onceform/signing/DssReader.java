package dev.onceform.signing;

import dev.onceform.signing.spi.RevocationData;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Reads the Document Security Store of a PDF: certificates, CRLs and OCSP responses. Entries that
 * cannot be decoded are skipped (they prove nothing); each stream is read up to a limit.
 */
final class DssReader {

  /** The validation data of a document's DSS. */
  record Store(List<X509Certificate> certificates, RevocationData revocation) {
    Store {
      certificates = List.copyOf(certificates);
    }
  }

  private static final int MAX_ENTRIES = 1000;
  private static final int MAX_ENTRY_BYTES = 4 * 1024 * 1024;

  private DssReader() {}

  static Optional<Store> read(PDDocument document) throws IOException {
    COSDictionary dss =
        document.getDocumentCatalog().getCOSObject().getCOSDictionary(DssWriter.DSS);
    if (dss == null) {
      return Optional.empty();
    }
    List<X509Certificate> certificates = new ArrayList<>();
    List<X509CRL> crls = new ArrayList<>();
    CertificateFactory factory;
    try {
      factory = CertificateFactory.getInstance("X.509");
    } catch (CertificateException e) {
      throw new IllegalStateException("the JDK lacks X.509 support", e);
    }
    for (byte[] encoded : streams(dss, DssWriter.CERTS)) {
      try {
        certificates.add(
            (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(encoded)));
      } catch (CertificateException | RuntimeException e) {
        // not a certificate: skipped, it cannot help a chain
      }
    }
    for (byte[] encoded : streams(dss, DssWriter.CRLS)) {
      try {
        crls.add((X509CRL) factory.generateCRL(new ByteArrayInputStream(encoded)));
      } catch (CRLException | RuntimeException e) {
        // not a CRL: skipped, it proves nothing
      }
    }
    return Optional.of(
        new Store(certificates, new RevocationData(crls, streams(dss, DssWriter.OCSPS))));
  }

  private static List<byte[]> streams(COSDictionary dss, COSName key) throws IOException {
    COSArray array = dss.getCOSArray(key);
    List<byte[]> contents = new ArrayList<>();
    if (array == null) {
      return contents;
    }
    for (int i = 0; i < Math.min(array.size(), MAX_ENTRIES); i++) {
      COSBase item = array.getObject(i);
      if (item instanceof COSStream stream) {
        try (InputStream in = stream.createInputStream()) {
          contents.add(in.readNBytes(MAX_ENTRY_BYTES));
        }
      }
    }
    return contents;
  }
}
