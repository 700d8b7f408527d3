package dev.onceform.core;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onceform.core.InputErrors.Where;
import dev.onceform.schema.OnceFormException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.ArrayDeque;
import java.util.Iterator;
import org.jspecify.annotations.Nullable;

/**
 * Reads a submission with Jackson's streaming parser and builds the tree itself, enforcing {@link
 * SubmissionLimits} as it goes: a limit is checked when it is crossed, so no oversized document,
 * string, array or object is ever held in memory. Strings and member names are checked for control
 * characters and unpaired surrogates and normalised to NFC. Immutable and thread-safe.
 */
final class SubmissionReader {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final SubmissionLimits limits;
  private final JsonFactory factory;

  SubmissionReader(SubmissionLimits limits) {
    this.limits = limits;
    this.factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    // our own depth check comes first and names the pointer; this is a backstop
                    .maxNestingDepth(limits.maxDepth() + 1)
                    .maxStringLength(limits.maxStringLength())
                    .maxNameLength(limits.maxStringLength())
                    .maxNumberLength(limits.maxNumberLength())
                    .build())
            // CANONICALIZE_FIELD_NAMES stays on: without it Jackson decodes bytes with a lenient
            // Reader that replaces invalid UTF-8. Its symbol table is bounded and fails (mapped to
            // OF-JSON-101) on hash flooding; interning into the JVM's string pool is off.
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .build();
  }

  SubmissionLimits limits() {
    return limits;
  }

  /** Reads UTF-8 JSON from a stream; reads at most {@code maxDocumentBytes + 1} bytes of it. */
  JsonNode read(InputStream in, String source) {
    PushbackInputStream head =
        new PushbackInputStream(new LimitedInputStream(in, limits.maxDocumentBytes()), 4);
    try {
      checkEncoding(head, source);
      try (JsonParser parser = factory.createParser(head)) {
        return new Build(parser, source).run();
      }
    } catch (LimitedInputStream.TooLarge e) {
      throw InputErrors.tooLarge(new Where(source, 0, 0, ""), limits.maxDocumentBytes());
    } catch (IOException e) {
      throw new OnceFormException(
          "OF-JSON-102", source + ": could not be read: " + e.getMessage(), e);
    }
  }

  /** Reads JSON text. */
  JsonNode read(String json, String source) {
    if (InputText.utf8Length(json) > limits.maxDocumentBytes()) {
      throw InputErrors.tooLarge(new Where(source, 0, 0, ""), limits.maxDocumentBytes());
    }
    try (JsonParser parser = factory.createParser(json)) {
      return new Build(parser, source).run();
    } catch (IOException e) {
      throw new OnceFormException(
          "OF-JSON-102", source + ": could not be read: " + e.getMessage(), e);
    }
  }

  /** Rejects UTF-16 and UTF-32 (by byte order mark or zero bytes), which Jackson would accept. */
  private static void checkEncoding(PushbackInputStream in, String source) throws IOException {
    byte[] head = new byte[4];
    int n = in.readNBytes(head, 0, 4);
    in.unread(head, 0, n);
    boolean bom =
        n >= 2
            && ((head[0] == (byte) 0xFE && head[1] == (byte) 0xFF)
                || (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE));
    boolean zeros = n >= 2 && (head[0] == 0 || head[1] == 0);
    if (bom || zeros) {
      throw InputErrors.notUtf8(
          new Where(source, 1, 1, ""), "it starts like UTF-16 or UTF-32 text", null);
    }
  }

  /** An object or array being built. */
  private static final class Frame {
    final ContainerNode<?> node;
    int count;
    @Nullable String name;

    Frame(ContainerNode<?> node) {
      this.node = node;
    }
  }

  /** One parse: the parser, the open containers and whether a token is being read. */
  private final class Build {
    private final JsonParser parser;
    private final String source;
    private final ArrayDeque<Frame> stack = new ArrayDeque<>();
    private boolean advancing;

    Build(JsonParser parser, String source) {
      this.parser = parser;
      this.source = source;
    }

    JsonNode run() throws IOException {
      try {
        JsonNode root = document();
        if (next() != null) {
          throw InputErrors.notJson(
              where(parser.currentTokenLocation()),
              "there is more content after the end of the document",
              null);
        }
        return root;
      } catch (StreamConstraintsException e) {
        throw constraint(e);
      } catch (LimitedInputStream.TooLarge e) {
        throw InputErrors.tooLarge(where(parser.currentLocation()), limits.maxDocumentBytes());
      } catch (JsonProcessingException e) {
        String message = e.getOriginalMessage();
        Where where = where(e.getLocation());
        if (message.startsWith("Invalid UTF-8")) {
          throw InputErrors.notUtf8(where, message, e);
        }
        throw InputErrors.notJson(where, message, e);
      } catch (IllegalStateException | IllegalArgumentException e) {
        throw InputErrors.notJson(
            where(parser.currentLocation()), String.valueOf(e.getMessage()), e);
      }
    }

    private JsonNode document() throws IOException {
      JsonToken token = next();
      if (token == null) {
        throw InputErrors.notJson(
            where(parser.currentLocation()), "the input is empty; expected a JSON document", null);
      }
      JsonNode root = null;
      while (true) {
        Frame top = stack.peek();
        if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
          stack.pop();
          Frame parent = stack.peek();
          if (parent != null) {
            parent.name = null;
          }
        } else if (token == JsonToken.FIELD_NAME) {
          member(top);
        } else {
          if (top != null && top.node.isArray()) {
            element(top);
          }
          JsonNode value = value(token);
          if (top == null) {
            root = value;
          } else if (top.node.isArray()) {
            ((ArrayNode) top.node).add(value);
          } else {
            ((ObjectNode) top.node).set(requireName(top), value);
            if (!value.isContainerNode()) {
              top.name = null;
            }
          }
          if (value.isContainerNode()) {
            stack.push(new Frame((ContainerNode<?>) value));
          }
        }
        if (stack.isEmpty()) {
          return requireRoot(root);
        }
        JsonToken following = next();
        if (following == null) {
          throw InputErrors.notJson(
              where(parser.currentLocation()), "the input ends inside an object or array", null);
        }
        token = following;
      }
    }

    private void member(@Nullable Frame top) throws IOException {
      Frame frame = requireFrame(top);
      if (++frame.count > limits.maxObjectMembers()) {
        throw InputErrors.tooManyMembers(here(), limits.maxObjectMembers());
      }
      String name = text(true);
      frame.name = name;
      if (((ObjectNode) frame.node).has(name)) {
        throw InputErrors.notJson(here(), "duplicate member name", null);
      }
    }

    private void element(Frame frame) {
      if (++frame.count > limits.maxArrayLength()) {
        throw InputErrors.arrayTooLong(here(), limits.maxArrayLength());
      }
    }

    private JsonNode value(JsonToken token) throws IOException {
      return switch (token) {
        case START_OBJECT, START_ARRAY -> {
          if (stack.size() >= limits.maxDepth()) {
            throw InputErrors.tooDeep(here(), limits.maxDepth());
          }
          yield token == JsonToken.START_OBJECT ? NODES.objectNode() : NODES.arrayNode();
        }
        case VALUE_STRING -> NODES.textNode(text(false));
        case VALUE_NUMBER_INT -> integer();
        case VALUE_NUMBER_FLOAT -> decimal();
        case VALUE_TRUE -> NODES.booleanNode(true);
        case VALUE_FALSE -> NODES.booleanNode(false);
        case VALUE_NULL -> NODES.nullNode();
        default -> throw InputErrors.notJson(here(), "unexpected token " + token, null);
      };
    }

    private JsonNode integer() throws IOException {
      return switch (parser.getNumberType()) {
        case INT -> NODES.numberNode(parser.getIntValue());
        case LONG -> NODES.numberNode(parser.getLongValue());
        default -> NODES.numberNode(parser.getBigIntegerValue());
      };
    }

    private JsonNode decimal() throws IOException {
      double value = parser.getDoubleValue();
      if (Double.isInfinite(value) || (value == 0.0 && hasNonZeroDigit(parser.getText()))) {
        throw InputErrors.numberOutOfRange(here());
      }
      return NODES.numberNode(value);
    }

    /** Reads the current string or member name, checks its chars and returns it in NFC. */
    private String text(boolean name) throws IOException {
      String text = name ? parser.currentName() : parser.getText();
      int bad = InputText.badChar(text);
      if (bad != InputText.OK) {
        char c = text.charAt(bad);
        throw Character.isSurrogate(c)
            ? InputErrors.unpairedSurrogate(here(), name)
            : InputErrors.controlCharacter(here(), name, c);
      }
      return InputText.nfc(text);
    }

    private @Nullable JsonToken next() throws IOException {
      advancing = true;
      JsonToken token = parser.nextToken();
      advancing = false;
      return token;
    }

    private OnceFormException constraint(StreamConstraintsException e) {
      String message = e.getOriginalMessage();
      Where where = where(parser.currentLocation());
      if (message.startsWith("String value length")) {
        return InputErrors.stringTooLong(where, false, limits.maxStringLength());
      } else if (message.startsWith("Name length")) {
        return InputErrors.stringTooLong(where, true, limits.maxStringLength());
      } else if (message.startsWith("Number value length")) {
        return InputErrors.numberTooLong(where, limits.maxNumberLength());
      } else if (message.startsWith("Document nesting depth")) {
        return InputErrors.tooDeep(where, limits.maxDepth());
      }
      return InputErrors.notJson(where, message, e);
    }

    private Where here() {
      return where(parser.currentTokenLocation());
    }

    private Where where(@Nullable JsonLocation at) {
      int line = at == null ? 0 : Math.max(at.getLineNr(), 0);
      int column = at == null ? 0 : Math.max(at.getColumnNr(), 0);
      return new Where(source, line, column, pointer());
    }

    /**
     * The pointer of the value being read: the open containers' member names and indexes; while a
     * next token is being read, an array's next index.
     */
    private String pointer() {
      StringBuilder pointer = new StringBuilder();
      for (Iterator<Frame> it = stack.descendingIterator(); it.hasNext(); ) {
        Frame frame = it.next();
        if (frame.node.isArray()) {
          int index = advancing && !it.hasNext() ? frame.count : frame.count - 1;
          if (index >= 0) {
            pointer.append('/').append(index);
          }
        } else if (frame.name != null) {
          pointer.append('/').append(frame.name.replace("~", "~0").replace("/", "~1"));
        }
      }
      return pointer.toString();
    }
  }

  private static boolean hasNonZeroDigit(String number) {
    for (int i = 0; i < number.length(); i++) {
      char c = number.charAt(i);
      if (c == 'e' || c == 'E') {
        return false;
      }
      if (c >= '1' && c <= '9') {
        return true;
      }
    }
    return false;
  }

  private static Frame requireFrame(@Nullable Frame frame) {
    if (frame == null) {
      throw new IllegalStateException("a member name outside an object");
    }
    return frame;
  }

  private static String requireName(Frame frame) {
    if (frame.name == null) {
      throw new IllegalStateException("a value in an object without a member name");
    }
    return frame.name;
  }

  private static JsonNode requireRoot(@Nullable JsonNode root) {
    if (root == null) {
      throw new IllegalStateException("no root value");
    }
    return root;
  }
}
