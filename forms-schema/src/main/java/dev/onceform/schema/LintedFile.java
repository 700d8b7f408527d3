package dev.onceform.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onceform.schema.internal.LocatedJson;
import dev.onceform.schema.internal.LocatedJson.Position;
import java.util.ArrayList;
import java.util.List;

/** One form file being linted: its document, positions, subschemas and findings so far. */
final class LintedFile {
  private final String file;
  private final LocatedJson json;
  private final SchemaTree tree;
  private final List<LintFinding> findings = new ArrayList<>();

  LintedFile(String file, LocatedJson json) {
    this.file = file;
    this.json = json;
    this.tree = SchemaTree.of(json.root());
  }

  String file() {
    return file;
  }

  JsonNode root() {
    return json.root();
  }

  SchemaTree tree() {
    return tree;
  }

  List<LintFinding> findings() {
    return findings;
  }

  boolean hasErrors() {
    return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
  }

  /** Reports an error at the member a pointer names (its key, in an object). */
  void error(String code, String pointer, String message, String hint) {
    add(Severity.ERROR, code, pointer, json.memberAt(pointer), message, hint);
  }

  /** Reports an error at the value a pointer names. */
  void errorAtValue(String code, String pointer, String message, String hint) {
    add(Severity.ERROR, code, pointer, json.valueAt(pointer), message, hint);
  }

  /** Reports a warning at the value a pointer names. */
  void warningAtValue(String code, String pointer, String message, String hint) {
    add(Severity.WARNING, code, pointer, json.valueAt(pointer), message, hint);
  }

  private void add(
      Severity severity,
      String code,
      String pointer,
      Position position,
      String message,
      String hint) {
    findings.add(
        new LintFinding(
            file, position.line(), position.column(), severity, code, message, hint, pointer));
  }
}
