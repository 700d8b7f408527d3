package dev.onceform.signing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Collection;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;

/** Parses the {@code /Contents} of a signature as a detached CMS SignedData with one signer. */
final class CmsContainer {

  private CmsContainer() {}

  /**
   * Parses {@code contents} (DER, followed only by zero padding) and attaches the signed bytes.
   *
   * @throws VerificationFailure FORMAT_FAILURE if it is not a detached SignedData
   */
  static CMSSignedData parse(byte[] contents, byte[] signedContent) throws VerificationFailure {
    ContentInfo contentInfo = signedDataInfo(contents);
    try {
      if (SignedData.getInstance(contentInfo.getContent()).getEncapContentInfo().getContent()
          != null) {
        throw VerificationFailure.format("cms.notDetached");
      }
      return new CMSSignedData(new CMSProcessableByteArray(signedContent), contentInfo);
    } catch (CMSException | RuntimeException e) {
      // BouncyCastle reports malformed ASN.1 with unchecked exceptions too.
      throw VerificationFailure.format("cms.unreadable", PdfSignatureReader.describe(e));
    }
  }

  /**
   * Parses {@code contents} as a CMS ContentInfo of type SignedData, DER followed only by zero
   * padding: the stream parser alone would accept trailing data, the byte-array one rejects the
   * padding.
   *
   * @throws VerificationFailure FORMAT_FAILURE otherwise
   */
  static ContentInfo signedDataInfo(byte[] contents) throws VerificationFailure {
    try (ByteArrayInputStream bytes = new ByteArrayInputStream(contents);
        ASN1InputStream in = new ASN1InputStream(bytes, contents.length)) {
      ASN1Primitive object = in.readObject();
      if (object == null || !onlyZeros(bytes)) {
        throw VerificationFailure.format("cms.unreadable", "trailing data after the CMS");
      }
      ContentInfo contentInfo = ContentInfo.getInstance(object);
      if (!CMSObjectIdentifiers.signedData.equals(contentInfo.getContentType())) {
        throw VerificationFailure.format(
            "cms.unreadable", "content type " + contentInfo.getContentType());
      }
      return contentInfo;
    } catch (IOException | RuntimeException e) {
      // BouncyCastle reports malformed ASN.1 with unchecked exceptions too.
      throw VerificationFailure.format("cms.unreadable", PdfSignatureReader.describe(e));
    }
  }

  private static boolean onlyZeros(ByteArrayInputStream rest) {
    int b;
    while ((b = rest.read()) != -1) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  static SignerInformation onlySigner(CMSSignedData signedData) throws VerificationFailure {
    Collection<SignerInformation> signers = signedData.getSignerInfos().getSigners();
    if (signers.size() != 1) {
      throw VerificationFailure.format("cms.signerCount", Integer.toString(signers.size()));
    }
    return signers.iterator().next();
  }
}
