package dev.onceform.schema.internal;

import com.networknt.schema.path.NodePath;

/** JSON Pointers from json-schema-validator's {@link NodePath}s, for OnceForm's modules only. */
public final class NodePaths {
  private NodePaths() {}

  /** Returns the JSON Pointer of a node path ({@code ""} for the root). */
  public static String pointer(NodePath path) {
    StringBuilder pointer = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      Object element = path.getElement(i);
      pointer.append('/');
      if (element instanceof Integer index) {
        pointer.append(index.intValue());
      } else {
        appendToken(String.valueOf(element), pointer);
      }
    }
    return pointer.toString();
  }

  /** Appends a reference token, {@code ~} written {@code ~0} and {@code /} written {@code ~1}. */
  public static void appendToken(String token, StringBuilder to) {
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c == '~') {
        to.append("~0");
      } else if (c == '/') {
        to.append("~1");
      } else {
        to.append(c);
      }
    }
  }
}
