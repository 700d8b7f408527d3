package dev.onceform.core;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onceform.schema.OnceFormException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;

/**
 * Reads submissions from JSON text, strictly and within {@link SubmissionLimits}: duplicate keys,
 * trailing content, control characters and unpaired surrogates in strings, numbers beyond a double
 * and input that is not UTF-8 are errors; every limit is enforced while reading, so an oversized
 * document is never held in memory; strings are normalised to Unicode NFC. Every error says where
 * (source, line, column and JSON Pointer) and, for a limit, how to raise it. The codes are listed
 * in {@code docs/validation.md} ("Input limits").
 *
 * <p>The methods without a {@link SubmissionLimits} use {@link SubmissionLimits#defaults()}.
 */
public final class Submissions {
  private static final SubmissionReader DEFAULT = new SubmissionReader(SubmissionLimits.defaults());

  private Submissions() {}

  /**
   * Reads a submission from a stream of UTF-8 JSON, within the default limits; the stream is not
   * closed.
   *
   * @param source a name for messages, such as the file name
   * @throws OnceFormException {@code OF-JSON-101} with line and column if the input is not JSON,
   *     another {@code OF-JSON-1xx} code if it breaks a limit or holds forbidden characters
   */
  public static JsonNode parse(InputStream json, String source) {
    return parse(json, source, SubmissionLimits.defaults());
  }

  /**
   * Reads a submission from JSON text, within the default limits.
   *
   * @throws OnceFormException {@code OF-JSON-101} with line and column if the input is not JSON,
   *     another {@code OF-JSON-1xx} code if it breaks a limit or holds forbidden characters
   */
  public static JsonNode parse(String json, String source) {
    return parse(json, source, SubmissionLimits.defaults());
  }

  /**
   * Reads a submission from UTF-8 JSON bytes, within the default limits.
   *
   * @throws OnceFormException as {@link #parse(InputStream, String)}
   */
  public static JsonNode parse(byte[] json, String source) {
    return parse(json, source, SubmissionLimits.defaults());
  }

  /**
   * Reads a submission from a stream of UTF-8 JSON within the given limits; the stream is not
   * closed. At most {@code limits.maxDocumentBytes() + 1} bytes are read from it.
   *
   * @param source a name for messages, such as the file name
   * @throws OnceFormException {@code OF-JSON-1xx}: see the class description
   */
  public static JsonNode parse(InputStream json, String source, SubmissionLimits limits) {
    requireNonNull(json, "json");
    requireNonNull(source, "source");
    return reader(limits).read(json, source);
  }

  /**
   * Reads a submission from JSON text within the given limits (its size is counted in UTF-8 bytes).
   *
   * @throws OnceFormException {@code OF-JSON-1xx}: see the class description
   */
  public static JsonNode parse(String json, String source, SubmissionLimits limits) {
    requireNonNull(json, "json");
    requireNonNull(source, "source");
    return reader(limits).read(json, source);
  }

  /**
   * Reads a submission from UTF-8 JSON bytes within the given limits.
   *
   * @throws OnceFormException {@code OF-JSON-1xx}: see the class description
   */
  public static JsonNode parse(byte[] json, String source, SubmissionLimits limits) {
    requireNonNull(json, "json");
    requireNonNull(source, "source");
    return reader(limits).read(new ByteArrayInputStream(json), source);
  }

  private static SubmissionReader reader(SubmissionLimits limits) {
    requireNonNull(limits, "limits");
    return limits.equals(DEFAULT.limits()) ? DEFAULT : new SubmissionReader(limits);
  }
}
