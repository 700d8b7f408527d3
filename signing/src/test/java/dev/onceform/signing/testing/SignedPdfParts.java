package dev.onceform.signing.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Primitive;

/**
 * The parts of the last signature in a signed PDF, found by reading the bytes directly (not with
 * PDFBox), for tests that tamper with a file or hand the CMS to OpenSSL.
 */
public final class SignedPdfParts {

  private static final Pattern BYTE_RANGE =
      Pattern.compile("/ByteRange\\s*\\[\\s*(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s*\\]");

  private final int gapStart;
  private final int gapEnd;
  private final byte[] cms;
  private final byte[] signedContent;

  private SignedPdfParts(int gapStart, int gapEnd, byte[] cms, byte[] signedContent) {
    this.gapStart = gapStart;
    this.gapEnd = gapEnd;
    this.cms = cms;
    this.signedContent = signedContent;
  }

  /**
   * Returns a copy of {@code pdf} (the file these parts came from) with {@code newCms} written into
   * the {@code /Contents} hex string in place of the old CMS, zero-padded, as an attacker who edits
   * the unsigned parts of a signature would.
   */
  public byte[] withCms(byte[] pdf, byte[] newCms) {
    int hexLength = gapEnd - gapStart - 2;
    String hex = HexFormat.of().withUpperCase().formatHex(newCms);
    if (hex.length() > hexLength) {
      throw new IllegalArgumentException(
          "the new CMS needs " + hex.length() + " hex digits, but the gap holds " + hexLength);
    }
    byte[] copy = pdf.clone();
    byte[] padded =
        (hex + "0".repeat(hexLength - hex.length())).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(padded, 0, copy, gapStart + 1, hexLength);
    return copy;
  }

  /** The offset of the {@code <} that opens the {@code /Contents} hex string. */
  public int gapStart() {
    return gapStart;
  }

  /** The DER CMS without its zero padding. */
  public byte[] cms() {
    return cms.clone();
  }

  /** The bytes the ByteRange covers. */
  public byte[] signedContent() {
    return signedContent.clone();
  }

  /** Finds the last {@code /ByteRange} in the file. */
  public static SignedPdfParts lastSignature(byte[] pdf) throws IOException {
    return signature(pdf, false);
  }

  /**
   * Finds the first {@code /ByteRange} in the file: the first signature, e.g. the signature under a
   * B-LTA document timestamp.
   */
  public static SignedPdfParts firstSignature(byte[] pdf) throws IOException {
    return signature(pdf, true);
  }

  private static SignedPdfParts signature(byte[] pdf, boolean first) throws IOException {
    Matcher matcher = BYTE_RANGE.matcher(new String(pdf, StandardCharsets.ISO_8859_1));
    List<int[]> ranges = new ArrayList<>();
    while (matcher.find()) {
      int[] range = new int[4];
      for (int i = 0; i < 4; i++) {
        range[i] = Integer.parseInt(matcher.group(i + 1));
      }
      ranges.add(range);
    }
    if (ranges.isEmpty()) {
      throw new IllegalArgumentException("no /ByteRange in the file");
    }
    int[] range = ranges.get(first ? 0 : ranges.size() - 1);
    byte[] padded =
        HexFormat.of()
            .parseHex(
                new String(pdf, range[1] + 1, range[2] - range[1] - 2, StandardCharsets.US_ASCII));
    byte[] cms;
    try (ASN1InputStream in = new ASN1InputStream(padded)) {
      ASN1Primitive object = in.readObject();
      cms = Arrays.copyOf(padded, object.getEncoded().length);
    }
    byte[] signed = new byte[range[1] + range[3]];
    System.arraycopy(pdf, 0, signed, 0, range[1]);
    System.arraycopy(pdf, range[2], signed, range[1], range[3]);
    return new SignedPdfParts(range[1], range[2], cms, signed);
  }
}
