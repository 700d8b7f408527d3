package dev.onceform.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onceform.core.InputErrors.Where;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checks a submission the caller parsed itself against {@link SubmissionLimits}, with the same
 * codes as {@link SubmissionReader}, and returns a copy of it with every string and member name in
 * NFC. The copy has objects and arrays of its own (values, immutable in Jackson, are shared), so
 * the engine owns it and its report keeps it without copying it again; the input is never modified.
 * The size is that of the compact JSON, escapes not counted. Immutable and thread-safe.
 */
final class SubmissionTreeCheck {
  private static final String SOURCE = "submission";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final SubmissionLimits limits;

  SubmissionTreeCheck(SubmissionLimits limits) {
    this.limits = limits;
  }

  /** Returns a copy of the submission, checked and normalised; the caller owns it. */
  JsonNode check(JsonNode submission) {
    if (submission.isMissingNode()) {
      throw InputErrors.notJson(where(new String[1], 0), "the submission is a missing node", null);
    }
    return new Walk().value(submission, 0);
  }

  private Where where(String[] path, int depth) {
    StringBuilder pointer = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      pointer.append('/').append(path[i].replace("~", "~0").replace("/", "~1"));
    }
    return new Where(SOURCE, 0, 0, pointer.toString());
  }

  /** One walk: the path to the current value, and the size so far. */
  private final class Walk {
    private final String[] path = new String[limits.maxDepth() + 1];
    private long size;

    /** Checks a value at {@code depth} (its path is {@code path[0..depth)}). */
    JsonNode value(JsonNode node, int depth) {
      grow(1);
      switch (node.getNodeType()) { // one virtual call instead of a chain of isX() calls
        case OBJECT:
          return object((ObjectNode) node, depth);
        case ARRAY:
          return array((ArrayNode) node, depth);
        case STRING:
          String text = node.textValue();
          String checked = text(text, depth, false);
          return checked.equals(text) ? node : NODES.textNode(checked);
        case NUMBER:
          number(node, depth);
          return node;
        case BOOLEAN:
        case NULL:
          grow(4);
          return node;
        default:
          throw InputErrors.notJson(
              where(path, depth), "a " + node.getNodeType() + " node is no JSON value", null);
      }
    }

    private JsonNode object(ObjectNode node, int depth) {
      container(node, depth);
      if (node.size() > limits.maxObjectMembers()) {
        throw InputErrors.tooManyMembers(where(path, depth), limits.maxObjectMembers());
      }
      // sized for its members up front: no rehashing while copying
      ObjectNode copy = new ObjectNode(NODES, new LinkedHashMap<>(node.size() * 4 / 3 + 1));
      for (Map.Entry<String, JsonNode> member : node.properties()) {
        path[depth] = member.getKey();
        String name = text(member.getKey(), depth + 1, true);
        if (copy.replace(name, value(member.getValue(), depth + 1)) != null) {
          throw InputErrors.notJson(
              where(path, depth + 1), "duplicate member name once normalised to NFC", null);
        }
      }
      return copy;
    }

    private JsonNode array(ArrayNode node, int depth) {
      container(node, depth);
      if (node.size() > limits.maxArrayLength()) {
        throw InputErrors.arrayTooLong(where(path, depth), limits.maxArrayLength());
      }
      ArrayNode copy = NODES.arrayNode(node.size());
      for (int i = 0; i < node.size(); i++) {
        path[depth] = Integer.toString(i);
        copy.add(value(node.get(i), depth + 1));
      }
      return copy;
    }

    private void container(JsonNode node, int depth) {
      if (depth >= limits.maxDepth()) {
        throw InputErrors.tooDeep(where(path, depth), limits.maxDepth());
      }
      grow(node.size());
    }

    private String text(String text, int depth, boolean name) {
      if (text.length() > limits.maxStringLength()) {
        throw InputErrors.stringTooLong(where(path, depth), name, limits.maxStringLength());
      }
      long scan = InputText.scan(text);
      if (scan < 0) {
        char c = text.charAt((int) (-scan - 1));
        throw Character.isSurrogate(c)
            ? InputErrors.unpairedSurrogate(where(path, depth), name)
            : InputErrors.controlCharacter(where(path, depth), name, c);
      }
      grow((scan & ~InputText.MAYBE_NOT_NFC) + 2);
      return (scan & InputText.MAYBE_NOT_NFC) == 0 ? text : InputText.nfc(text);
    }

    private void number(JsonNode node, int depth) {
      if (node.isDouble() || node.isFloat()) {
        double value = node.doubleValue();
        if (Double.isNaN(value) || Double.isInfinite(value)) {
          throw InputErrors.numberOutOfRange(where(path, depth));
        }
        grow(24);
      } else if (node.isBigInteger()) {
        int digits = node.bigIntegerValue().abs().toString().length();
        if (digits > limits.maxNumberLength()) {
          throw InputErrors.numberTooLong(where(path, depth), limits.maxNumberLength());
        }
        grow(digits + 1);
      } else if (node.isBigDecimal()) {
        BigDecimal value = node.decimalValue();
        if (value.precision() > limits.maxNumberLength()) {
          throw InputErrors.numberTooLong(where(path, depth), limits.maxNumberLength());
        }
        double approx = value.doubleValue();
        if (Double.isInfinite(approx) || (approx == 0.0 && value.signum() != 0)) {
          throw InputErrors.numberOutOfRange(where(path, depth));
        }
        grow(value.precision() + 8L);
      } else {
        grow(20);
      }
    }

    private void grow(long bytes) {
      size += bytes;
      if (size > limits.maxDocumentBytes()) {
        throw InputErrors.tooLarge(new Where(SOURCE, 0, 0, ""), limits.maxDocumentBytes());
      }
    }
  }
}
