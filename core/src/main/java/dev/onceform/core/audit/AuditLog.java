package dev.onceform.core.audit;

import static java.util.Objects.requireNonNull;

import dev.onceform.core.audit.AuditLogReport.Defect;
import dev.onceform.core.audit.AuditLogReport.Kind;
import dev.onceform.schema.OnceFormException;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks the hash chain of a JSON Lines audit log written by {@link AuditSinks#jsonLines}. Reads
 * the file once, line by line, without holding it in memory; it may be verified while a sink is
 * appending to it (lines written after the end was reached are not checked).
 */
public final class AuditLog {
  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

  /** Longer lines are not audit events; stop reading instead of filling the memory. */
  private static final int MAX_LINE_BYTES = 1 << 20;

  private AuditLog() {}

  /**
   * Verifies every line of a log: each is well-formed, matches its hash, and names the hash of the
   * line before as its {@code prev}. Stops at the first defect.
   *
   * @throws OnceFormException {@code OF-AUDIT-101} if the file cannot be read
   */
  public static AuditLogReport verify(Path file) {
    return verify(file, Optional.empty());
  }

  /**
   * Verifies a log as {@link #verify(Path)} does, and also that one of its lines has the hash
   * {@code head}, taken from an earlier {@link AuditLogReport#head()}: so lines cut off the end
   * since then are found too ({@link Kind#TRUNCATED}).
   *
   * @throws IllegalArgumentException if {@code head} is not 64 lower-case hex digits
   * @throws OnceFormException {@code OF-AUDIT-101} if the file cannot be read
   */
  public static AuditLogReport verify(Path file, String head) {
    requireNonNull(head, "head");
    if (!HEX64.matcher(head).matches()) {
      throw new IllegalArgumentException(
          "head must be a SHA-256 hash in 64 lower-case hex digits, but was '" + head + "'");
    }
    return verify(file, Optional.of(head));
  }

  private static AuditLogReport verify(Path file, Optional<String> head) {
    requireNonNull(file, "file");
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      Checker checker = new Checker(head);
      ByteArrayOutputStream line = new ByteArrayOutputStream(512);
      int b;
      while ((b = in.read()) != -1) {
        if (b != '\n') {
          line.write(b);
          if (line.size() > MAX_LINE_BYTES) {
            return checker.report(
                Optional.of(
                    new Defect(
                        checker.lines + 1, Kind.MALFORMED, "the line is longer than 1 MiB")));
          }
          continue;
        }
        Optional<Defect> defect = checker.check(line.toByteArray());
        if (defect.isPresent()) {
          return checker.report(defect);
        }
        line.reset();
      }
      if (line.size() > 0) {
        return checker.report(
            Optional.of(
                new Defect(
                    checker.lines + 1,
                    Kind.MALFORMED,
                    "the last line is incomplete: it has no newline (a torn write, or cut off)")));
      }
      return checker.end();
    } catch (IOException e) {
      throw new OnceFormException(
          "OF-AUDIT-101",
          "audit log "
              + file
              + " cannot be read ("
              + e.getClass().getSimpleName()
              + ": "
              + e.getMessage()
              + "); check the path and its permissions",
          e);
    }
  }

  /** Walks the chain line by line. */
  private static final class Checker {
    private final Optional<String> head;
    private long lines;
    private long seq;
    private String prev = ChainFormat.GENESIS;
    private boolean headSeen;

    Checker(Optional<String> head) {
      this.head = head;
      this.headSeen = head.isEmpty() || head.get().equals(ChainFormat.GENESIS);
    }

    Optional<Defect> check(byte[] bytes) {
      long number = lines + 1;
      ChainFormat.Parsed parsed;
      try {
        parsed = ChainFormat.parse(ChainFormat.decode(bytes));
      } catch (CharacterCodingException e) {
        return Optional.of(new Defect(number, Kind.MALFORMED, "not valid UTF-8"));
      } catch (ChainFormat.Malformed e) {
        return Optional.of(new Defect(number, Kind.MALFORMED, e.detail()));
      }
      if (!parsed.intact()) {
        return Optional.of(
            new Defect(number, Kind.ALTERED, "the line's content does not match its hash"));
      }
      if (!parsed.prev().equals(prev)) {
        return Optional.of(new Defect(number, Kind.CHAIN_BROKEN, brokenLink(number, parsed)));
      }
      lines = number;
      seq = parsed.seq();
      prev = parsed.hash();
      headSeen |= head.filter(prev::equals).isPresent();
      return Optional.empty();
    }

    private String brokenLink(long number, ChainFormat.Parsed parsed) {
      if (number == 1) {
        return "the first line (seq "
            + parsed.seq()
            + ") does not start a chain: its prev is not 64 zeros, so lines before it were removed";
      }
      String what =
          parsed.seq() > seq + 1
              ? "line(s) removed or moved"
              : parsed.seq() <= seq ? "line(s) moved or repeated" : "a line replaced";
      return "prev does not match the hash of line "
          + lines
          + " (seq "
          + parsed.seq()
          + " follows seq "
          + seq
          + "): "
          + what;
    }

    AuditLogReport report(Optional<Defect> defect) {
      return new AuditLogReport(lines, prev, defect);
    }

    AuditLogReport end() {
      if (!headSeen) {
        return report(
            Optional.of(
                new Defect(
                    lines + 1,
                    Kind.TRUNCATED,
                    "no line has the expected head hash "
                        + head.orElseThrow()
                        + ": lines were cut off the end after line "
                        + lines)));
      }
      return report(Optional.empty());
    }
  }
}
