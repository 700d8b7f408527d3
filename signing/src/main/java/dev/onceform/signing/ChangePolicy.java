package dev.onceform.signing;

/**
 * Which incremental updates {@link SignatureVerifier} accepts after a signature when the document
 * has no certification (DocMDP) signature. Validation data (a DSS), later signatures and document
 * timestamps are always accepted; changes of the signed content (page contents, resources, fonts,
 * pages, metadata, ...) never are. With a certification signature its {@code /P} decides instead of
 * this policy: 1 accepts only validation data and document timestamps, 2 also form fill-in and
 * signatures, 3 also annotations.
 */
public enum ChangePolicy {
  /**
   * The default: after a signature only validation data, later signatures and document timestamps
   * may follow. Form fill-in and annotations make the signature {@link Indication#TOTAL_FAILED}.
   */
  STRICT,
  /** Also accepts form fill-in (new field values and their appearances), as DocMDP P=2 does. */
  ALLOW_FORM_FILL,
  /**
   * Also accepts form fill-in and new annotations (comments, highlights, stamps), as DocMDP P=3
   * does and as PDF viewers accept after approval signatures.
   */
  ALLOW_FORM_FILL_AND_ANNOTATIONS
}
