package dev.onceform.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onceform.schema.OnceFormException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Hostile and broken input (issue 5): each ends in a clear {@code OF-JSON-1xx} error, early. */
@Timeout(30)
class SubmissionsTest {
  private static final SubmissionLimits DEFAULTS = SubmissionLimits.defaults();

  private static AbstractThrowableAssert<?, ? extends Throwable> rejects(String json) {
    return assertThatThrownBy(() -> Submissions.parse(json, "in.json"))
        .isInstanceOf(OnceFormException.class);
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> rejects(byte[] json) {
    return assertThatThrownBy(() -> Submissions.parse(json, "in.json"))
        .isInstanceOf(OnceFormException.class);
  }

  private static String code(Throwable e) {
    return ((OnceFormException) e).code();
  }

  @Test
  void defaults_areTheDocumentedOnes() {
    assertThat(DEFAULTS)
        .isEqualTo(new SubmissionLimits(2 * 1024 * 1024, 32, 10_000, 1_000, 1_000, 100));
  }

  @Test
  void limits_rejectNonPositiveAndCeilings() {
    assertThatThrownBy(() -> DEFAULTS.withMaxDepth(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxDepth must be positive, but was 0");
    assertThatThrownBy(() -> DEFAULTS.withMaxDepth(1_001))
        .hasMessage("maxDepth must be at most 1,000, but was 1,001");
    assertThatThrownBy(() -> DEFAULTS.withMaxDocumentBytes(-1))
        .hasMessage("maxDocumentBytes must be positive, but was -1");
    assertThat(DEFAULTS.withMaxStringLength(5).maxStringLength()).isEqualTo(5);
  }

  @Test
  void parse_wellFormed_buildsTheTree() {
    JsonNode node =
        Submissions.parse("{\"a\": [1, 2.5, \"x\", true, null, 12345678901234567890123]}", "in");

    assertThat(node.toString())
        .isEqualTo("{\"a\":[1,2.5,\"x\",true,null,12345678901234567890123]}");
  }

  @Test
  void notJson_isOfJson101_withLineAndColumn() {
    rejects("hello")
        .hasMessageStartingWith("OF-JSON-101: in.json:1:")
        .hasMessageContaining("not valid JSON");
  }

  @Test
  void empty_isOfJson101() {
    rejects("  ").hasMessageStartingWith("OF-JSON-101").hasMessageContaining("the input is empty");
  }

  @Test
  void truncated_isOfJson101_saysWhere() {
    rejects("{\n \"child\": {\"name\": \"An\"")
        .hasMessageStartingWith("OF-JSON-101: in.json:2:")
        .hasMessageContaining("end-of-input");
  }

  @Test
  void trailingContent_isOfJson101() {
    rejects("{} {}").hasMessageStartingWith("OF-JSON-101").hasMessageContaining("more content");
  }

  @Test
  void duplicateKey_isOfJson101_withPointer() {
    rejects("{\"child\": {\"name\": \"A\",\n \"name\": \"B\"}}")
        .hasMessageStartingWith("OF-JSON-101: in.json:2:2 at JSON Pointer \"/child/name\"")
        .hasMessageContaining("duplicate member name");
  }

  @Test
  void deepNesting_isOfJson104_atTheLimit() {
    String deep = "[".repeat(10_000) + "]".repeat(10_000);

    rejects(deep)
        .hasMessageStartingWith("OF-JSON-104: in.json:1:33 at JSON Pointer \"/0/0/0/0/0/")
        .hasMessageContaining("nested too deeply")
        .hasMessageContaining("the limit is 32 (SubmissionLimits.maxDepth)")
        .hasMessageContaining("SubmissionLimits.defaults().withMaxDepth(...)");
  }

  @Test
  void deepNesting_withinARaisedLimit_isRead() {
    String deep = "[".repeat(100) + "]".repeat(100);

    assertThat(Submissions.parse(deep, "in", DEFAULTS.withMaxDepth(100)).isArray()).isTrue();
    assertThatThrownBy(() -> Submissions.parse(deep, "in", DEFAULTS.withMaxDepth(99)))
        .hasMessageStartingWith("OF-JSON-104");
  }

  @Test
  void hugeString_isOfJson105_andReadingStopsAtTheLimit() {
    CountingStream in =
        new CountingStream(
            "{\"note\": \"", () -> (byte) 'x', 50L * 1024 * 1024, "\"}", StandardCharsets.UTF_8);

    assertThatThrownBy(() -> Submissions.parse(in, "big.json"))
        .hasMessageStartingWith("OF-JSON-105: big.json:1:")
        .hasMessageContaining("at JSON Pointer \"/note\"")
        .hasMessageContaining("a string is longer than the limit")
        .hasMessageContaining("the limit is 10,000 (SubmissionLimits.maxStringLength)")
        .hasMessageContaining("withMaxStringLength(...)");
    assertThat(in.consumed()).isLessThan(10_000 + 64 * 1024);
  }

  @Test
  void hugeString_withinDocumentLimitOnly_isOfJson103_andReadingStopsAtTheLimit() {
    SubmissionLimits limits = DEFAULTS.withMaxStringLength(100_000_000);
    CountingStream in =
        new CountingStream(
            "{\"note\": \"", () -> (byte) 'x', 50L * 1024 * 1024, "\"}", StandardCharsets.UTF_8);

    assertThatThrownBy(() -> Submissions.parse(in, "big.json", limits))
        .hasMessageStartingWith("OF-JSON-103: big.json:")
        .hasMessageContaining("the limit is 2,097,152 (SubmissionLimits.maxDocumentBytes)")
        .hasMessageContaining("withMaxDocumentBytes(...)");
    assertThat(in.consumed()).isLessThanOrEqualTo(2L * 1024 * 1024 + 1);
  }

  @Test
  void millionElementArray_isOfJson106_andReadingStopsAtTheLimit() {
    byte[] element = "1,".getBytes(StandardCharsets.US_ASCII);
    int[] i = {0};
    CountingStream in =
        new CountingStream(
            "{\"children\": [",
            () -> element[i[0]++ % 2],
            2_000_000,
            "1]}",
            StandardCharsets.UTF_8);

    assertThatThrownBy(() -> Submissions.parse(in, "array.json"))
        .hasMessageStartingWith("OF-JSON-106: array.json:1:")
        .hasMessageContaining("at JSON Pointer \"/children/1000\"")
        .hasMessageContaining("the limit is 1,000 (SubmissionLimits.maxArrayLength)");
    assertThat(in.consumed()).isLessThan(2_000 + 64 * 1024);
  }

  @Test
  void tooManyMembers_isOfJson107() {
    StringBuilder json = new StringBuilder("{\"o\": {");
    for (int i = 0; i <= 1_000; i++) {
      json.append(i == 0 ? "" : ",").append("\"k").append(i).append("\": 0");
    }
    rejects(json.append("}}").toString())
        .hasMessageStartingWith("OF-JSON-107: in.json:1:")
        .hasMessageContaining("at JSON Pointer \"/o\"")
        .hasMessageContaining("the limit is 1,000 (SubmissionLimits.maxObjectMembers)");
  }

  @Test
  void numberBeyondDouble_isOfJson109() {
    rejects("{\"amount\": 1e400}")
        .hasMessageStartingWith("OF-JSON-109: in.json:1:12 at JSON Pointer \"/amount\"")
        .hasMessageContaining("out of range");
    rejects("[0, -1e400]")
        .hasMessageStartingWith("OF-JSON-109: in.json:1:5 at JSON Pointer \"/1\"");
    rejects("[1e-400]").hasMessageStartingWith("OF-JSON-109");
  }

  @Test
  void zeroWithExponent_isZero() {
    assertThat(Submissions.parse("[0e400, 0.0]", "in").toString()).isEqualTo("[0.0,0.0]");
  }

  @Test
  void hugeInteger_isOfJson108() {
    rejects("{\"n\": " + "9".repeat(101) + "}")
        .hasMessageStartingWith("OF-JSON-108: in.json:1:")
        .hasMessageContaining("the limit is 100 (SubmissionLimits.maxNumberLength)");
    rejects("[-" + "9".repeat(5_000) + "]").hasMessageStartingWith("OF-JSON-108");
    assertThat(Submissions.parse("[" + "9".repeat(100) + "]", "in").get(0).isBigInteger()).isTrue();
  }

  @Test
  void rawControlCharacter_isOfJson101() {
    rejects("{\"a\": \"x\u0000y\"}")
        .hasMessageStartingWith("OF-JSON-101: in.json:1:")
        .hasMessageContaining("CTRL-CHAR");
    rejects("{\"a\": \"line\nbreak\"}").hasMessageStartingWith("OF-JSON-101");
  }

  @Test
  void escapedNul_isOfJson110() {
    rejects("{\"name\": \"An\\u0000\"}")
        .hasMessage(
            "OF-JSON-110: in.json:1:10 at JSON Pointer \"/name\": a string contains the control"
                + " character U+0000; only tab, line feed and carriage return are allowed:"
                + " remove it");
    rejects("{\"a\\u001b\": 1}")
        .hasMessageStartingWith("OF-JSON-110")
        .hasMessageContaining("a member name contains the control character U+001B");
    rejects("[\"\\u0085\"]").hasMessageContaining("U+0085");
  }

  @Test
  void tabNewlineCarriageReturn_escaped_areAllowed() {
    assertThat(Submissions.parse("[\"a\\tb\\nc\\r\"]", "in").get(0).textValue())
        .isEqualTo("a\tb\nc\r");
  }

  @Test
  void invalidUtf8_isOfJson112() {
    byte[] json = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

    rejects(json)
        .hasMessageStartingWith("OF-JSON-112: in.json:1:")
        .hasMessageContaining("not UTF-8")
        .hasMessageContaining("Invalid UTF-8");
    rejects(new byte[] {'[', '"', (byte) 0xFF, '"', ']'}).hasMessageStartingWith("OF-JSON-112");
  }

  @Test
  void utf16_isOfJson112() {
    rejects("{\"a\": 1}".getBytes(StandardCharsets.UTF_16))
        .hasMessageStartingWith("OF-JSON-112: in.json:1:1")
        .hasMessageContaining("UTF-16 or UTF-32");
    rejects("{\"a\": 1}".getBytes(StandardCharsets.UTF_16LE)).hasMessageStartingWith("OF-JSON-112");
  }

  @Test
  void utf8ByteOrderMark_isAccepted() {
    byte[] json = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '[', '1', ']'};

    assertThat(Submissions.parse(json, "in").toString()).isEqualTo("[1]");
  }

  @Test
  void unpairedSurrogate_isOfJson111() {
    rejects("{\"name\": \"An\\ud800\"}")
        .hasMessageStartingWith("OF-JSON-111: in.json:1:10 at JSON Pointer \"/name\"")
        .hasMessageContaining("unpaired UTF-16 surrogate");
    rejects("[\"\\udc00x\"]").hasMessageStartingWith("OF-JSON-111");
    // a raw surrogate encoded in UTF-8 (CESU-style) is just as unpaired
    rejects(new byte[] {'[', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', ']'})
        .satisfies(e -> assertThat(code(e)).isIn("OF-JSON-111", "OF-JSON-112"));
    assertThat(Submissions.parse("[\"\\ud83d\\ude00\"]", "in").get(0).textValue())
        .isEqualTo("\uD83D\uDE00");
  }

  @Test
  void nfd_isNormalisedToNfc_inValuesAndNames() {
    String nfd = "Nguye\u0302\u0303n";

    JsonNode node = Submissions.parse("{\"" + nfd + "\": \"" + nfd + "\"}", "in");

    assertThat(node.get("Nguyễn").textValue()).isEqualTo("Nguyễn");
  }

  @Test
  void nfdAndNfcNames_areDuplicates() {
    rejects("{\"e\u0301\": 1, \"é\": 2}")
        .hasMessageStartingWith("OF-JSON-101")
        .hasMessageContaining("duplicate member name");
  }

  @Test
  void stringOverload_countsUtf8Bytes() {
    SubmissionLimits tiny = DEFAULTS.withMaxDocumentBytes(10);

    assertThat(Submissions.parse("[\"ệệ\"]", "in", tiny).get(0).textValue()).isEqualTo("ệệ");
    assertThatThrownBy(() -> Submissions.parse("[\"ệệệ\"]", "in", tiny))
        .hasMessageStartingWith("OF-JSON-103: in at JSON Pointer \"\"");
  }

  @Test
  void stream_isNotClosed() {
    boolean[] closed = {false};
    InputStream in =
        new ByteArrayInputStream("[1]".getBytes(StandardCharsets.UTF_8)) {
          @Override
          public void close() {
            closed[0] = true;
          }
        };

    Submissions.parse(in, "in");

    assertThat(closed[0]).isFalse();
  }

  @Test
  void hostileInput_isRejectedQuickly() {
    long start = System.nanoTime();
    assertThatThrownBy(() -> Submissions.parse("[".repeat(1_000_000), "in"))
        .hasMessageStartingWith("OF-JSON-104");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  /** Generates {@code prefix + count × next() + suffix} lazily and counts what was read. */
  static final class CountingStream extends InputStream {
    private final byte[] prefix;
    private final byte[] suffix;
    private final Supplier<Byte> next;
    private final long count;
    private long position;

    CountingStream(
        String prefix,
        Supplier<Byte> next,
        long count,
        String suffix,
        java.nio.charset.Charset charset) {
      this.prefix = prefix.getBytes(charset);
      this.suffix = suffix.getBytes(charset);
      this.next = next;
      this.count = count;
    }

    long consumed() {
      return position;
    }

    @Override
    public int read() {
      long p = position;
      long body = p - prefix.length;
      int b;
      if (p < prefix.length) {
        b = prefix[(int) p] & 0xFF;
      } else if (body < count) {
        b = next.get() & 0xFF;
      } else if (body - count < suffix.length) {
        b = suffix[(int) (body - count)] & 0xFF;
      } else {
        return -1;
      }
      position++;
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      int n = 0;
      while (n < len) {
        int c = read();
        if (c < 0) {
          return n == 0 ? -1 : n;
        }
        b[off + n++] = (byte) c;
      }
      return n;
    }
  }
}
