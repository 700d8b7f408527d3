package dev.onceform.signing.spi;

import java.io.IOException;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.jspecify.annotations.Nullable;

/** Reads the http URLs of OCSP responders and CRL distribution points from a certificate. */
final class CertificateUrls {

  private CertificateUrls() {}

  static List<URI> ocsp(X509Certificate certificate) {
    ASN1Primitive value = extension(certificate, Extension.authorityInfoAccess.getId());
    List<URI> urls = new ArrayList<>();
    if (value != null) {
      for (AccessDescription description :
          AuthorityInformationAccess.getInstance(value).getAccessDescriptions()) {
        if (AccessDescription.id_ad_ocsp.equals(description.getAccessMethod())) {
          addHttp(description.getAccessLocation(), urls);
        }
      }
    }
    return urls;
  }

  static List<URI> crl(X509Certificate certificate) {
    ASN1Primitive value = extension(certificate, Extension.cRLDistributionPoints.getId());
    List<URI> urls = new ArrayList<>();
    if (value != null) {
      for (DistributionPoint point : CRLDistPoint.getInstance(value).getDistributionPoints()) {
        DistributionPointName name = point.getDistributionPoint();
        if (name != null && name.getType() == DistributionPointName.FULL_NAME) {
          for (GeneralName general : GeneralNames.getInstance(name.getName()).getNames()) {
            addHttp(general, urls);
          }
        }
      }
    }
    return urls;
  }

  private static @Nullable ASN1Primitive extension(X509Certificate certificate, String oid) {
    byte[] encoded = certificate.getExtensionValue(oid);
    if (encoded == null) {
      return null;
    }
    try {
      return JcaX509ExtensionUtils.parseExtensionValue(encoded);
    } catch (IOException | RuntimeException e) {
      return null; // a malformed extension names no usable URL
    }
  }

  private static void addHttp(GeneralName name, List<URI> urls) {
    if (name.getTagNo() != GeneralName.uniformResourceIdentifier) {
      return;
    }
    String text = name.getName().toString();
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      try {
        urls.add(URI.create(text));
      } catch (IllegalArgumentException e) {
        // not a URI: skip it, another pointer may work
      }
    }
  }
}
