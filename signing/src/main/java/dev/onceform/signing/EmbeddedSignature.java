package dev.onceform.signing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the PDF says about one signature, read with PDFBox and then used without it.
 *
 * @param fieldName the fully qualified field name
 * @param subFilter the {@code /SubFilter}, or empty
 * @param byteRange the {@code /ByteRange} numbers; empty if missing or not all integers
 * @param contents the decoded {@code /Contents} string (the CMS, padded with zeros)
 * @param signDate the {@code /M} entry, if present and parseable
 */
record EmbeddedSignature(
    String fieldName,
    String subFilter,
    List<Long> byteRange,
    Contents contents,
    Optional<Instant> signDate) {

  EmbeddedSignature {
    byteRange = List.copyOf(byteRange);
  }

  /** True for a document timestamp ({@code /SubFilter /ETSI.RFC3161}), not a signature. */
  boolean isDocumentTimestamp() {
    return DocumentTimestampCheck.SUB_FILTER.equals(subFilter);
  }

  /** The end of the signed range, or -1 if the ByteRange is unusable; orders revisions. */
  long rangeEnd() {
    return byteRange.size() == 4 ? byteRange.get(2) + byteRange.get(3) : -1;
  }

  /** An immutable copy of the {@code /Contents} bytes. */
  static final class Contents {
    private final byte[] bytes;

    Contents(byte[] bytes) {
      this.bytes = bytes.clone();
    }

    byte[] bytes() {
      return bytes.clone();
    }
  }
}
