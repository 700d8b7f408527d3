package dev.onceform.signing;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * Matches JWS algorithms to public keys and converts ECDSA signatures between the DER {@code
 * SEQUENCE {r, s}} of the JCA and the fixed-length {@code R || S} of JWS (RFC 7518, 3.4).
 */
final class JwsKeys {

  private JwsKeys() {}

  /**
   * Returns the size of the key's named NIST curve: 256, 384 or 521; empty for other curves,
   * explicit curve parameters and non-EC keys.
   */
  static Optional<Integer> nistCurveBits(PublicKey key) {
    if (!(key instanceof ECPublicKey)) {
      return Optional.empty();
    }
    ASN1Encodable parameters =
        SubjectPublicKeyInfo.getInstance(key.getEncoded()).getAlgorithm().getParameters();
    if (!(parameters instanceof ASN1ObjectIdentifier curve)) {
      return Optional.empty();
    }
    if (curve.equals(SECObjectIdentifiers.secp256r1)) {
      return Optional.of(256);
    } else if (curve.equals(SECObjectIdentifiers.secp384r1)) {
      return Optional.of(384);
    } else if (curve.equals(SECObjectIdentifiers.secp521r1)) {
      return Optional.of(521);
    }
    return Optional.empty();
  }

  /** The algorithm a key signs with when none is chosen: RS256, or ES256/384/512 by curve. */
  static Optional<JwsAlgorithm> defaultFor(PublicKey key) {
    if (key instanceof RSAPublicKey) {
      return Optional.of(JwsAlgorithm.RS256);
    }
    return nistCurveBits(key)
        .map(
            bits ->
                switch (bits) {
                  case 256 -> JwsAlgorithm.ES256;
                  case 384 -> JwsAlgorithm.ES384;
                  default -> JwsAlgorithm.ES512;
                });
  }

  /** True if {@code algorithm} can be used with {@code key}: RSA for RS/PS, the right curve. */
  static boolean fits(JwsAlgorithm algorithm, PublicKey key) {
    if (algorithm.curveBits() == 0) {
      return key instanceof RSAPublicKey;
    }
    return nistCurveBits(key).filter(bits -> bits == algorithm.curveBits()).isPresent();
  }

  /** Describes a key for messages: {@code RSA-2048}, {@code EC P-256}, {@code EC}. */
  static String describe(PublicKey key) {
    if (key instanceof RSAPublicKey rsa) {
      return "RSA-" + rsa.getModulus().bitLength();
    }
    return nistCurveBits(key).map(bits -> "EC P-" + bits).orElse(key.getAlgorithm());
  }

  /**
   * Converts a DER-encoded ECDSA signature to {@code R || S}, each left-padded to {@code length}.
   *
   * @throws IllegalArgumentException if the input is not a DER {@code SEQUENCE} of two positive
   *     integers that fit
   */
  static byte[] derToJose(byte[] der, int length) {
    ASN1Sequence sequence;
    try {
      ASN1Primitive primitive = ASN1Primitive.fromByteArray(der);
      sequence = ASN1Sequence.getInstance(primitive);
      if (!Arrays.equals(sequence.getEncoded(ASN1Encoding.DER), der) || sequence.size() != 2) {
        throw new IllegalArgumentException("not a DER SEQUENCE of two integers");
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException("not a DER-encoded ECDSA signature: " + e.getMessage(), e);
    }
    byte[] jose = new byte[2 * length];
    copyUnsigned(ASN1Integer.getInstance(sequence.getObjectAt(0)).getValue(), jose, 0, length);
    copyUnsigned(ASN1Integer.getInstance(sequence.getObjectAt(1)).getValue(), jose, length, length);
    return jose;
  }

  private static void copyUnsigned(BigInteger value, byte[] target, int offset, int length) {
    if (value.signum() <= 0 || value.bitLength() > 8 * length) {
      throw new IllegalArgumentException(
          "ECDSA integer of " + value.bitLength() + " bits does not fit " + length + " bytes");
    }
    byte[] bytes = value.toByteArray(); // big-endian, maybe with a leading 0x00 sign byte
    int start = bytes.length > length ? bytes.length - length : 0;
    int size = bytes.length - start;
    System.arraycopy(bytes, start, target, offset + length - size, size);
  }

  /**
   * Converts a JWS {@code R || S} ECDSA signature to DER.
   *
   * @return the DER encoding, or empty if the length is wrong or R or S is zero
   */
  static Optional<byte[]> joseToDer(byte[] jose, int length) {
    if (jose.length != 2 * length) {
      return Optional.empty();
    }
    BigInteger r = new BigInteger(1, Arrays.copyOfRange(jose, 0, length));
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(jose, length, 2 * length));
    if (r.signum() == 0 || s.signum() == 0) {
      return Optional.empty(); // never valid; refuse before the JCA sees it (CVE-2022-21449)
    }
    try {
      return Optional.of(
          new DERSequence(new ASN1Encodable[] {new ASN1Integer(r), new ASN1Integer(s)})
              .getEncoded(ASN1Encoding.DER));
    } catch (IOException e) {
      throw new IllegalStateException("DER encoding in memory failed", e);
    }
  }

  /**
   * Checks a JWS signature value ({@code R || S} for ECDSA) over {@code signingInput} with the
   * JDK's providers.
   *
   * @return true if it verifies; false if it does not or cannot (wrong length, wrong key type)
   */
  static boolean verify(
      JwsAlgorithm algorithm, PublicKey key, byte[] signingInput, byte[] signatureValue) {
    byte[] value = signatureValue;
    if (algorithm.curveBits() != 0) {
      Optional<byte[]> der = joseToDer(signatureValue, algorithm.ecdsaIntegerLength());
      if (der.isEmpty()) {
        return false;
      }
      value = der.get();
    }
    try {
      Signature signature = Signature.getInstance(algorithm.signatureAlgorithm().jcaName());
      signature.initVerify(key);
      if (algorithm.signatureAlgorithm().parameterSpec().isPresent()) {
        signature.setParameter(algorithm.signatureAlgorithm().parameterSpec().get());
      }
      signature.update(signingInput);
      return signature.verify(value);
    } catch (GeneralSecurityException e) {
      return false; // a key the algorithm cannot use, or a malformed value: not a valid signature
    }
  }
}
