package dev.onceform.schema;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads form files for the linter: bytes, then strict UTF-8 text; every failure a finding. */
final class FormFiles {
  private FormFiles() {}

  static FormLinter.Input read(Path file) {
    String name = file.toString();
    if (Files.isDirectory(file)) {
      return unreadable(name, "is a directory, not a form file", "pass the files, e.g. dir/*.json");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return unreadable(name, "file not found", "check the path");
    } catch (AccessDeniedException e) {
      return unreadable(name, "permission denied", "check the file's permissions");
    } catch (IOException e) {
      return unreadable(name, "cannot be read: " + e.getMessage(), "check the file");
    }
    return decode(name, bytes);
  }

  /** Decodes UTF-8 (a byte order mark is dropped); invalid bytes are a {@code json.invalid}. */
  static FormLinter.Input decode(String name, byte[] bytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      out.flip();
      String before = out.toString();
      int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
      int column = before.length() - before.lastIndexOf('\n');
      return FormLinter.Input.failed(
          new LintFinding(
              name,
              line,
              column,
              Severity.ERROR,
              FormLinter.NOT_JSON,
              "not valid JSON: the file is not UTF-8 text (invalid byte at offset "
                  + in.position()
                  + ")",
              "save the file as UTF-8",
              ""));
    }
    decoder.flush(out);
    out.flip();
    String text = out.toString();
    return FormLinter.Input.text(name, text.startsWith("\uFEFF") ? text.substring(1) : text);
  }

  private static FormLinter.Input unreadable(String name, String problem, String hint) {
    return FormLinter.Input.failed(
        new LintFinding(name, 0, 0, Severity.ERROR, FormLinter.UNREADABLE, problem, hint, ""));
  }
}
