package dev.onceform.schema.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * A JSON document together with the line and column where each of its values (and each object
 * member's name) starts, by JSON Pointer; for messages such as {@code form.json:12:9: ...}.
 *
 * <p>Lines and columns are 1-based and count characters of the text (UTF-16 units), as editors do.
 * The document is read with {@link Json#mapper()}: duplicate keys and trailing content are errors.
 *
 * <p>Not API; may change without notice.
 */
public final class LocatedJson {
  private final JsonNode root;
  private final Map<String, Position> values;
  private final Map<String, Position> names;

  private LocatedJson(JsonNode root, Map<String, Position> values, Map<String, Position> names) {
    this.root = root;
    this.values = values;
    this.names = names;
  }

  /** A 1-based line and column in the text. */
  public record Position(int line, int column) {
    /** The start of the text. */
    public static final Position START = new Position(1, 1);
  }

  /** The text is not one well-formed JSON document. */
  public static final class MalformedJsonException extends Exception {
    private static final long serialVersionUID = 1L;
    private final Position position;

    MalformedJsonException(String message, Position position) {
      super(message);
      this.position = position;
    }

    /** Returns where the parser stopped. */
    public Position position() {
      return position;
    }
  }

  /**
   * Reads a document and the positions of its parts.
   *
   * @throws MalformedJsonException with the parser's position if the text is not one JSON document
   */
  public static LocatedJson parse(String text) throws MalformedJsonException {
    JsonNode root;
    try {
      root = Json.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      Position position =
          at == null ? Position.START : new Position(at.getLineNr(), Math.max(1, at.getColumnNr()));
      throw new MalformedJsonException(e.getOriginalMessage(), position);
    }
    if (root == null || root.isMissingNode()) {
      throw new MalformedJsonException(
          "the file is empty; expected a JSON document", Position.START);
    }
    Map<String, Position> values = new HashMap<>();
    Map<String, Position> names = new HashMap<>();
    try (JsonParser parser = Json.mapper().createParser(text)) {
      locate(parser, values, names);
    } catch (IOException e) {
      // The same text was just read without error; a failure now is a bug.
      throw new UncheckedIOException(e);
    }
    return new LocatedJson(root, Map.copyOf(values), Map.copyOf(names));
  }

  /** Returns the document. */
  public JsonNode root() {
    return root;
  }

  /**
   * Returns where the value at a pointer starts; for a pointer that names nothing in the document,
   * the position of its nearest existing ancestor.
   */
  public Position valueAt(String pointer) {
    for (String p = pointer; ; p = parent(p)) {
      Position position = values.get(p);
      if (position != null) {
        return position;
      }
      if (p.isEmpty()) {
        return Position.START;
      }
    }
  }

  /**
   * Returns where the member named by a pointer starts: the position of its name for an object
   * member, of its value for an array element or the root. For a pointer that names nothing in the
   * document, the position of its nearest existing ancestor (its name, if it is a member).
   */
  public Position memberAt(String pointer) {
    for (String p = pointer; ; p = parent(p)) {
      Position name = names.get(p);
      if (name != null) {
        return name;
      }
      Position value = values.get(p);
      if (value != null || p.isEmpty()) {
        return value != null ? value : Position.START;
      }
    }
  }

  private static String parent(String pointer) {
    int slash = pointer.lastIndexOf('/');
    return slash <= 0 ? "" : pointer.substring(0, slash);
  }

  /** One open object or array while walking the tokens. */
  private static final class Frame {
    final String pointer;
    final boolean array;
    int nextIndex;
    String member = "";

    Frame(String pointer, boolean array) {
      this.pointer = pointer;
      this.array = array;
    }
  }

  private static void locate(
      JsonParser parser, Map<String, Position> values, Map<String, Position> names)
      throws IOException {
    Deque<Frame> open = new ArrayDeque<>();
    for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
      Position here = position(parser.currentTokenLocation());
      Frame top = open.peek();
      if (token == JsonToken.FIELD_NAME && top != null) {
        top.member = top.pointer + JsonPointer.empty().appendProperty(parser.currentName());
        names.put(top.member, here);
        continue;
      }
      if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
        open.pop();
        continue;
      }
      String pointer;
      if (top == null) {
        pointer = "";
      } else if (top.array) {
        pointer = top.pointer + "/" + top.nextIndex++;
      } else {
        pointer = top.member;
      }
      values.put(pointer, here);
      if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
        open.push(new Frame(pointer, token == JsonToken.START_ARRAY));
      }
    }
  }

  private static Position position(JsonLocation location) {
    return new Position(Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
  }
}
