package dev.onceform.signing.testing;

import java.net.URI;
import java.util.Optional;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;

/**
 * Where a certificate says its revocation status can be found: an OCSP URL (authority information
 * access) and a CRL distribution point; either may be absent.
 */
record RevocationPointers(Optional<URI> ocsp, Optional<URI> crl) {

  static final RevocationPointers NONE = new RevocationPointers(Optional.empty(), Optional.empty());

  void addTo(X509v3CertificateBuilder builder) throws CertIOException {
    if (ocsp.isPresent()) {
      builder.addExtension(
          Extension.authorityInfoAccess,
          false,
          new AuthorityInformationAccess(
              new AccessDescription(
                  AccessDescription.id_ad_ocsp,
                  new GeneralName(GeneralName.uniformResourceIdentifier, ocsp.get().toString()))));
    }
    if (crl.isPresent()) {
      GeneralNames names =
          new GeneralNames(
              new GeneralName(GeneralName.uniformResourceIdentifier, crl.get().toString()));
      builder.addExtension(
          Extension.cRLDistributionPoints,
          false,
          new CRLDistPoint(
              new DistributionPoint[] {
                new DistributionPoint(new DistributionPointName(names), null, null)
              }));
    }
  }
}
