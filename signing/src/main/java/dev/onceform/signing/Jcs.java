package dev.onceform.signing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON Canonicalization Scheme (RFC 8785): parses UTF-8 JSON with Jackson's streaming parser
 * into a small tree and writes it back with object members sorted by the UTF-16 code units of their
 * names, no whitespace, strings escaped as RFC 8785 says, and numbers as ECMAScript prints doubles.
 *
 * <p>Input must be I-JSON (RFC 7493): valid UTF-8, no duplicate member names, no unpaired
 * surrogates ({@code "\ud800"}), numbers within the range of a double. Two JSON texts that differ
 * only in whitespace, member order or number notation ({@code 4.50}, {@code 4.5}, {@code 45e-1})
 * have the same canonical form.
 *
 * <p>Immutable and thread-safe.
 */
final class Jcs {

  /** How numbers that a double cannot hold as written are treated. */
  enum Numbers {
    /**
     * As RFC 8785: every number becomes the nearest double, so {@code 9007199254740993} and {@code
     * 9007199254740992} canonicalise alike.
     */
    NEAREST_DOUBLE,
    /**
     * Refuse a number whose canonical form has another value than the number as written, so that a
     * signature never covers two different numbers. Write such values (long identifiers, money with
     * many digits) as strings.
     */
    EXACT
  }

  /** A JSON number: its canonical text. */
  private record JsonNumber(String canonical) {}

  /** The JSON {@code null}. */
  private enum Null {
    INSTANCE
  }

  private final JsonFactory factory = new JsonFactory();

  /**
   * Returns the canonical UTF-8 form of {@code json}.
   *
   * @throws MalformedJsonException if the input is not I-JSON, or a number is refused
   */
  byte[] canonicalize(byte[] json, Numbers numbers) throws MalformedJsonException {
    StringBuilder out = new StringBuilder(json.length);
    write(parse(json, numbers), out);
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Parses {@code json} into a tree of {@code Map<String, Object>} (sorted), {@code List<Object>},
   * {@code String}, {@code Boolean}, and opaque values for numbers and {@code null}.
   */
  Object parse(byte[] json, Numbers numbers) throws MalformedJsonException {
    String text = decodeUtf8(json);
    try (JsonParser parser = factory.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new MalformedJsonException("the input holds no JSON value");
      }
      Object value = read(parser, first, numbers);
      if (parser.nextToken() != null) {
        throw new MalformedJsonException(
            "data follows the JSON value at " + where(parser.currentTokenLocation().getLineNr()));
      }
      return value;
    } catch (StreamReadException e) {
      throw new MalformedJsonException(
          e.getOriginalMessage() + " at " + where(e.getLocation().getLineNr()));
    } catch (IOException e) {
      throw new MalformedJsonException("the JSON cannot be read: " + e.getMessage());
    }
  }

  private static String where(int line) {
    return "line " + line;
  }

  private static String decodeUtf8(byte[] json) throws MalformedJsonException {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(json))
          .toString();
    } catch (CharacterCodingException e) {
      throw new MalformedJsonException("the input is not valid UTF-8");
    }
  }

  private static Object read(JsonParser parser, JsonToken token, Numbers numbers)
      throws IOException, MalformedJsonException {
    switch (token) {
      case START_OBJECT:
        return readObject(parser, numbers);
      case START_ARRAY:
        List<Object> array = new ArrayList<>();
        for (JsonToken next = parser.nextToken();
            next != JsonToken.END_ARRAY;
            next = parser.nextToken()) {
          array.add(read(parser, next, numbers));
        }
        return array;
      case VALUE_STRING:
        return checkedString(parser.getText(), parser);
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return number(parser.getText(), numbers, parser);
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return Null.INSTANCE;
      default:
        throw new MalformedJsonException(
            "unexpected " + token + " at " + where(parser.currentTokenLocation().getLineNr()));
    }
  }

  private static Map<String, Object> readObject(JsonParser parser, Numbers numbers)
      throws IOException, MalformedJsonException {
    Map<String, Object> object = new TreeMap<>(); // String order is UTF-16 code unit order
    for (JsonToken next = parser.nextToken();
        next != JsonToken.END_OBJECT;
        next = parser.nextToken()) {
      String name = checkedString(parser.currentName(), parser);
      Object value = read(parser, parser.nextToken(), numbers);
      if (object.put(name, value) != null) {
        throw new MalformedJsonException(
            "the member name '"
                + name
                + "' occurs twice in one object at "
                + where(parser.currentTokenLocation().getLineNr()));
      }
    }
    return object;
  }

  private static String checkedString(String value, JsonParser parser)
      throws MalformedJsonException {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new MalformedJsonException(
            String.format(
                Locale.ROOT,
                "a string holds the unpaired surrogate \\u%04x at %s",
                (int) c,
                where(parser.currentTokenLocation().getLineNr())));
      }
    }
    return value;
  }

  private static JsonNumber number(String literal, Numbers numbers, JsonParser parser)
      throws MalformedJsonException {
    double value = Double.parseDouble(literal);
    if (Double.isInfinite(value)) {
      throw new MalformedJsonException(
          "the number "
              + literal
              + " at "
              + where(parser.currentTokenLocation().getLineNr())
              + " is beyond the range of an IEEE 754 double");
    }
    String canonical = EcmaNumber.format(value);
    if (numbers == Numbers.EXACT && !sameValue(literal, canonical)) {
      throw new MalformedJsonException(
          "the number "
              + literal
              + " at "
              + where(parser.currentTokenLocation().getLineNr())
              + " cannot be held exactly by an IEEE 754 double (it would be signed as "
              + canonical
              + "); write it as a JSON string");
    }
    return new JsonNumber(canonical);
  }

  private static boolean sameValue(String literal, String canonical) {
    try {
      return new BigDecimal(literal).compareTo(new BigDecimal(canonical)) == 0;
    } catch (NumberFormatException e) {
      return false; // an exponent beyond BigDecimal's range: not the canonical value either
    }
  }

  /** Writes a parsed value in canonical form. */
  static void write(Object value, StringBuilder out) {
    if (value instanceof Map<?, ?> object) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> member : object.entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        writeString((String) member.getKey(), out);
        out.append(':');
        write(member.getValue(), out);
      }
      out.append('}');
    } else if (value instanceof List<?> array) {
      out.append('[');
      for (int i = 0; i < array.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        write(array.get(i), out);
      }
      out.append(']');
    } else if (value instanceof String string) {
      writeString(string, out);
    } else if (value instanceof JsonNumber number) {
      out.append(number.canonical());
    } else if (value instanceof Boolean bool) {
      out.append(bool.booleanValue());
    } else {
      out.append("null");
    }
  }

  private static void writeString(String value, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
