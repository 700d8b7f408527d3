package dev.onceform.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JcsTest {

  private final Jcs jcs = new Jcs();

  private String canonical(String json) throws MalformedJsonException {
    return canonical(json, Jcs.Numbers.NEAREST_DOUBLE);
  }

  private String canonical(String json, Jcs.Numbers numbers) throws MalformedJsonException {
    return new String(
        jcs.canonicalize(json.getBytes(StandardCharsets.UTF_8), numbers), StandardCharsets.UTF_8);
  }

  @Test
  void canonicalize_rfc8785MainExample_matchesSection322() throws Exception {
    String input =
        """
        {
          "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
          "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
          "literals": [null, true, false]
        }
        """;

    assertThat(canonical(input))
        .isEqualTo(
            "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                + "\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
  }

  @Test
  void canonicalize_rfc8785SortingExample_ordersByUtf16CodeUnits() throws Exception {
    String input =
        """
        {"\\u20ac": "Euro Sign", "\\r": "Carriage Return", "\\ufb33": "Hebrew Letter Dalet With Dagesh",
         "1": "One", "\\ud83d\\ude00": "Emoji: Grinning Face", "\\u0080": "Control",
         "\\u00f6": "Latin Small Letter O With Diaeresis"}
        """;

    assertThat(canonical(input))
        .isEqualTo(
            "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
                + "\"\ud83d\ude00\":\"Emoji: Grinning Face\","
                + "\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    // RFC 8785, appendix B
    "0000000000000000, 0",
    "8000000000000000, 0",
    "0000000000000001, 5e-324",
    "8000000000000001, -5e-324",
    "7fefffffffffffff, 1.7976931348623157e+308",
    "ffefffffffffffff, -1.7976931348623157e+308",
    "4340000000000000, 9007199254740992",
    "c340000000000000, -9007199254740992",
    "4430000000000000, 295147905179352830000",
    "44b52d02c7e14af5, 9.999999999999997e+22",
    "44b52d02c7e14af6, 1e+23",
    "44b52d02c7e14af7, 1.0000000000000001e+23",
    "444b1ae4d6e2ef4e, 999999999999999700000",
    "444b1ae4d6e2ef4f, 999999999999999900000",
    "444b1ae4d6e2ef50, 1e+21",
    "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
    "3eb0c6f7a0b5ed8d, 0.000001",
    "41b3de4355555553, 333333333.3333332",
    "41b3de4355555554, 333333333.33333325",
    "41b3de4355555555, 333333333.3333333",
    "41b3de4355555556, 333333333.3333334",
    "41b3de4355555557, 333333333.33333343",
    "becbf647612f3696, -0.0000033333333333333333",
    "43143ff3c1cb0959, 1424953923781206.2"
  })
  void format_rfc8785NumberVectors_matchAppendixB(String bits, String expected) throws Exception {
    double value = Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16));

    assertThat(EcmaNumber.format(value)).isEqualTo(expected);
    assertThat(canonical("[" + expected + "]")).isEqualTo("[" + expected + "]");
  }

  @Test
  void format_3000DoublesPrintedByV8_sameText() throws Exception {
    List<String> mismatches = new ArrayList<>();
    int count = 0;
    for (String line : fixture("jcs/ecmascript-numbers.txt")) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      String[] fields = line.split(" ");
      double value = Double.longBitsToDouble(Long.parseUnsignedLong(fields[0], 16));
      count++;
      if (!EcmaNumber.format(value).equals(fields[1])) {
        mismatches.add(line + " but was " + EcmaNumber.format(value));
      }
    }

    assertThat(count).isEqualTo(3000);
    assertThat(mismatches).isEmpty();
  }

  @Test
  void format_nonFinite_refused() {
    assertThatThrownBy(() -> EcmaNumber.format(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EcmaNumber.format(Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void canonicalize_whitespaceOrderAndNumberNotation_sameBytes() throws Exception {
    String compact = "{\"a\":[1,{\"y\":true,\"x\":null}],\"b\":4.5,\"c\":\"Hòa Phú\"}";
    String loose =
        "{ \"c\" : \"Hòa Phú\",\n \"b\" : 45E-1,\t\"a\" : [ 1.0 , { \"x\":null, \"y\":true } ] }";

    assertThat(canonical(loose)).isEqualTo(canonical(compact));
    assertThat(canonical(compact))
        .isEqualTo("{\"a\":[1,{\"x\":null,\"y\":true}],\"b\":4.5,\"c\":\"Hòa Phú\"}");
  }

  @Test
  void canonicalize_scalarRoot_allowed() throws Exception {
    assertThat(canonical(" \"x\" ")).isEqualTo("\"x\"");
    assertThat(canonical("-0.0")).isEqualTo("0");
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"a\":1,\"a\":2}                | occurs twice",
        "[\"\\ud800\"]                    | unpaired surrogate \\ud800",
        "{\"\\udc00x\":1}                 | unpaired surrogate \\udc00",
        "[1e400]                          | beyond the range",
        "[1] [2]                          | data follows",
        "[1,]                             | line 1",
        "{'a':1}                          | line 1",
        "[NaN]                            | line 1",
        "[01]                             | line 1",
        "' '                              | no JSON value"
      })
  void canonicalize_notIJson_refusedWithReason(String json, String reason) {
    assertThatThrownBy(() -> canonical(json))
        .isInstanceOf(MalformedJsonException.class)
        .hasMessageContaining(reason);
  }

  @Test
  void canonicalize_invalidUtf8_refused() {
    byte[] latin1 = "{\"a\":\"Hòa\"}".getBytes(StandardCharsets.ISO_8859_1);

    assertThatThrownBy(() -> jcs.canonicalize(latin1, Jcs.Numbers.NEAREST_DOUBLE))
        .isInstanceOf(MalformedJsonException.class)
        .hasMessageContaining("not valid UTF-8");
  }

  @Test
  void canonicalize_deepNesting_refusedNotStackOverflow() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);

    assertThatThrownBy(() -> canonical(deep)).isInstanceOf(MalformedJsonException.class);
  }

  @Test
  void canonicalize_exactNumbers_refusesWhatADoubleCannotHold() throws Exception {
    assertThat(canonical("[9007199254740993]")).isEqualTo("[9007199254740992]");
    assertThatThrownBy(() -> canonical("[9007199254740993]", Jcs.Numbers.EXACT))
        .isInstanceOf(MalformedJsonException.class)
        .hasMessageContaining("9007199254740993")
        .hasMessageContaining("9007199254740992")
        .hasMessageContaining("write it as a JSON string");
    assertThatThrownBy(() -> canonical("[333333333.33333329]", Jcs.Numbers.EXACT))
        .isInstanceOf(MalformedJsonException.class);
    assertThatThrownBy(() -> canonical("[1e-400]", Jcs.Numbers.EXACT))
        .isInstanceOf(MalformedJsonException.class);
    assertThat(canonical("[0.1, 4.50, 1E30, -0, 9007199254740992, 1e-7]", Jcs.Numbers.EXACT))
        .isEqualTo("[0.1,4.5,1e+30,0,9007199254740992,1e-7]");
  }

  private static List<String> fixture(String name) throws IOException {
    try (InputStream in = JcsTest.class.getResourceAsStream(name)) {
      return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .toList();
    }
  }
}
