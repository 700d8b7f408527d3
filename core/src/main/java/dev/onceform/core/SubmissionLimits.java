package dev.onceform.core;

import java.util.Locale;

/**
 * Bounds on a submission's JSON, enforced while it is parsed ({@link Submissions}, {@link
 * FormEngine#validate(String, byte[])}) so that hostile input is rejected when a limit is crossed,
 * not after it has been read into memory. A submission already parsed by the caller is checked
 * against the same limits before it is validated.
 *
 * <p>The {@linkplain #defaults() defaults} suit every bundled form with a wide margin; raise a
 * limit with a {@code withX} method and pass the result to {@link
 * FormEngine.Builder#submissionLimits(SubmissionLimits)} or {@link Submissions}:
 *
 * <pre>{@code
 * SubmissionLimits limits = SubmissionLimits.defaults().withMaxStringLength(50_000);
 * FormEngine engine = FormEngine.builder().submissionLimits(limits).form(form).build();
 * }</pre>
 *
 * @param maxDocumentBytes the largest document, in bytes of UTF-8 (default 2 MiB)
 * @param maxDepth the deepest nesting of objects and arrays; the root object is depth 1 (default
 *     32, at most 1,000)
 * @param maxStringLength the longest string value or member name, in UTF-16 chars (default 10,000)
 * @param maxArrayLength the most elements in one array (default 1,000)
 * @param maxObjectMembers the most members in one object (default 1,000)
 * @param maxNumberLength the most digits in a number, integer part and fraction each (default 100,
 *     at most 1,000)
 */
public record SubmissionLimits(
    long maxDocumentBytes,
    int maxDepth,
    int maxStringLength,
    int maxArrayLength,
    int maxObjectMembers,
    int maxNumberLength) {

  /** The highest {@link #maxDepth()}: schema validation walks the document recursively. */
  public static final int DEPTH_CEILING = 1_000;

  /** The highest {@link #maxNumberLength()}: longer numbers make arithmetic slow. */
  public static final int NUMBER_LENGTH_CEILING = 1_000;

  private static final SubmissionLimits DEFAULTS =
      new SubmissionLimits(2L * 1024 * 1024, 32, 10_000, 1_000, 1_000, 100);

  /**
   * Checks that every limit is positive and within its ceiling.
   *
   * @throws IllegalArgumentException naming the limit and the bad value
   */
  public SubmissionLimits {
    positive("maxDocumentBytes", maxDocumentBytes);
    positive("maxDepth", maxDepth);
    positive("maxStringLength", maxStringLength);
    positive("maxArrayLength", maxArrayLength);
    positive("maxObjectMembers", maxObjectMembers);
    positive("maxNumberLength", maxNumberLength);
    atMost("maxDepth", maxDepth, DEPTH_CEILING);
    atMost("maxNumberLength", maxNumberLength, NUMBER_LENGTH_CEILING);
  }

  /**
   * Returns the safe defaults: 2 MiB, depth 32, strings of 10,000 chars, 1,000 array elements,
   * 1,000 object members, numbers of 100 digits.
   */
  public static SubmissionLimits defaults() {
    return DEFAULTS;
  }

  /** Returns these limits with another largest document size, in bytes. */
  public SubmissionLimits withMaxDocumentBytes(long bytes) {
    return new SubmissionLimits(
        bytes, maxDepth, maxStringLength, maxArrayLength, maxObjectMembers, maxNumberLength);
  }

  /** Returns these limits with another deepest nesting (at most {@link #DEPTH_CEILING}). */
  public SubmissionLimits withMaxDepth(int depth) {
    return new SubmissionLimits(
        maxDocumentBytes,
        depth,
        maxStringLength,
        maxArrayLength,
        maxObjectMembers,
        maxNumberLength);
  }

  /** Returns these limits with another longest string or member name, in chars. */
  public SubmissionLimits withMaxStringLength(int chars) {
    return new SubmissionLimits(
        maxDocumentBytes, maxDepth, chars, maxArrayLength, maxObjectMembers, maxNumberLength);
  }

  /** Returns these limits with another most elements in one array. */
  public SubmissionLimits withMaxArrayLength(int elements) {
    return new SubmissionLimits(
        maxDocumentBytes, maxDepth, maxStringLength, elements, maxObjectMembers, maxNumberLength);
  }

  /** Returns these limits with another most members in one object. */
  public SubmissionLimits withMaxObjectMembers(int members) {
    return new SubmissionLimits(
        maxDocumentBytes, maxDepth, maxStringLength, maxArrayLength, members, maxNumberLength);
  }

  /**
   * Returns these limits with another most digits in a number (at most {@link
   * #NUMBER_LENGTH_CEILING}).
   */
  public SubmissionLimits withMaxNumberLength(int digits) {
    return new SubmissionLimits(
        maxDocumentBytes, maxDepth, maxStringLength, maxArrayLength, maxObjectMembers, digits);
  }

  private static void positive(String name, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "%s must be positive, but was %d", name, value));
    }
  }

  private static void atMost(String name, int value, int ceiling) {
    if (value > ceiling) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "%s must be at most %,d, but was %,d", name, ceiling, value));
    }
  }
}
