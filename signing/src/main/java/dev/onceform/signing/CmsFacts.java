package dev.onceform.signing;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.cms.SignerInformation;

/**
 * What a CMS signature that passed {@link CmsSignatureCheck} tells the later checks.
 *
 * @param signer the signer certificate (its signature value verified)
 * @param certificates all certificates in the CMS, signer included; candidates for the chain only
 * @param signingTime the CMS signing-time attribute, if present
 * @param hasSigningCertificateV2 true if the signing-certificate-v2 attribute is present (and
 *     matches the signer)
 * @param signerInfo the SignerInfo, for its signature value and unsigned attributes
 */
record CmsFacts(
    X509Certificate signer,
    List<X509Certificate> certificates,
    Optional<Instant> signingTime,
    boolean hasSigningCertificateV2,
    SignerInformation signerInfo) {

  CmsFacts {
    certificates = List.copyOf(certificates);
  }
}
