package dev.onceform.schema;

import com.fasterxml.jackson.core.JsonPointer;

/** Builds JSON Pointers from member names. */
final class Pointers {
  private Pointers() {}

  /** Returns the pointer step for a member name, escaped: {@code a/b} gives {@code /a~1b}. */
  static String member(String name) {
    return JsonPointer.empty().appendProperty(name).toString();
  }
}
