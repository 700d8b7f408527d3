package dev.onceform.signing;

import java.util.Arrays;
import java.util.List;

/**
 * The bytes a signature covers, after checking its ByteRange against the file: {@code [0 a b c]}
 * with the gap {@code [a, b)} holding exactly the {@code /Contents} hex string.
 */
final class SignedRange {

  private final byte[] content;
  private final long end;
  private final boolean coversWholeDocument;

  private SignedRange(byte[] content, long end, boolean coversWholeDocument) {
    this.content = content;
    this.end = end;
    this.coversWholeDocument = coversWholeDocument;
  }

  /** Returns the signed bytes (not a copy: used once, inside one verification). */
  byte[] content() {
    return content;
  }

  /** Returns the offset just after the last signed byte. */
  long end() {
    return end;
  }

  boolean coversWholeDocument() {
    return coversWholeDocument;
  }

  /**
   * Checks the ByteRange of {@code signature} against {@code pdf} and extracts the signed bytes.
   *
   * @throws VerificationFailure FORMAT_FAILURE if the ByteRange is malformed or its gap is not
   *     exactly the signature's {@code /Contents}
   */
  static SignedRange of(EmbeddedSignature signature, byte[] pdf) throws VerificationFailure {
    List<Long> range = signature.byteRange();
    if (!wellFormed(range, pdf.length)) {
      throw VerificationFailure.format("byteRange.malformed", range.toString());
    }
    int gapStart = Math.toIntExact(range.get(1));
    int gapEnd = Math.toIntExact(range.get(2));
    int tailLength = Math.toIntExact(range.get(3));
    byte[] gapContents = decodeHexString(pdf, gapStart, gapEnd);
    if (gapContents.length == 0 || !Arrays.equals(gapContents, signature.contents().bytes())) {
      throw VerificationFailure.format("byteRange.contentsMismatch", range.toString());
    }
    byte[] content = new byte[gapStart + tailLength];
    System.arraycopy(pdf, 0, content, 0, gapStart);
    System.arraycopy(pdf, gapEnd, content, gapStart, tailLength);
    long end = (long) gapEnd + tailLength;
    return new SignedRange(content, end, end == pdf.length);
  }

  private static boolean wellFormed(List<Long> range, int fileLength) {
    if (range.size() != 4) {
      return false;
    }
    long start = range.get(0);
    long gapStart = range.get(1);
    long gapEnd = range.get(2);
    long tailLength = range.get(3);
    return start == 0
        && gapStart > 0
        && gapEnd > gapStart
        && tailLength >= 0
        && gapEnd <= fileLength
        && tailLength <= fileLength - gapEnd;
  }

  /** Decodes {@code <hex>} at {@code [from, to)}; returns an empty array if it is anything else. */
  private static byte[] decodeHexString(byte[] pdf, int from, int to) {
    int digits = to - from - 2;
    if (digits <= 0 || digits % 2 != 0 || pdf[from] != '<' || pdf[to - 1] != '>') {
      return new byte[0];
    }
    byte[] decoded = new byte[digits / 2];
    for (int i = 0; i < decoded.length; i++) {
      int high = Character.digit(pdf[from + 1 + 2 * i], 16);
      int low = Character.digit(pdf[from + 2 + 2 * i], 16);
      if (high < 0 || low < 0) {
        return new byte[0];
      }
      decoded[i] = (byte) (high << 4 | low);
    }
    return decoded;
  }
}
