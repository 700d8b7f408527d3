package dev.onceform.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onceform.core.audit.AuditLog;
import dev.onceform.core.audit.AuditLogReport;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code onceform audit verify}: checks the hash chain of an audit log; exit code 0 if intact, 1 if
 * a line was altered, removed, inserted, reordered or cut, 2 if the file cannot be read.
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description =
        "Verifies a JSON Lines audit log written by AuditSinks.jsonLines: every line is intact and"
            + " chained to the one before. Exit code 0 if intact, 1 if tampered, 2 if unreadable.")
final class AuditVerifyCommand implements Callable<Integer> {
  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--head",
      paramLabel = "HASH",
      description =
          "A head hash printed by an earlier verification: the log must still contain that line,"
              + " so lines cut off the end are found too.")
  @Nullable String head;

  @CommandLine.Mixin ReportOptions options = new ReportOptions();

  @Parameters(paramLabel = "FILE", description = "The audit log (.jsonl).")
  Path file = Path.of("");

  @Override
  public Integer call() throws Exception {
    String expected = head;
    if (expected != null && !HEX64.matcher(expected).matches()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--head must be a SHA-256 hash in 64 lower-case hex digits, but was '" + expected + "'");
    }
    if (Files.isDirectory(file)) {
      throw new UsageException(file + ": is a directory, not a file");
    }
    if (!Files.exists(file)) {
      throw new UsageException(file + ": file not found");
    }
    AuditLogReport report =
        expected == null ? AuditLog.verify(file) : AuditLog.verify(file, expected);
    PrintWriter out = spec.commandLine().getOut();
    if (options.json) {
      ReportOptions.printJson(toJson(file, report), out);
    } else {
      print(report, out);
    }
    return report.intact() ? ExitCode.OK : ExitCode.FAILED;
  }

  private void print(AuditLogReport report, PrintWriter out) {
    Language lang = options.lang;
    if (report.intact()) {
      out.printf(
          "%s: %s, %d %s; head %s%n",
          file,
          lang.pick("nguyên vẹn", "intact"),
          report.lines(),
          lang.pick("dòng", "lines"),
          report.head());
      return;
    }
    AuditLogReport.Defect defect = report.defect().orElseThrow();
    out.printf(
        "%s: %s %d: %s — %s (%d %s)%n",
        file,
        lang.pick("BỊ SỬA ĐỔI ở dòng", "TAMPERED at line"),
        defect.line(),
        defect.kind(),
        defect.detail(),
        report.lines(),
        lang.pick("dòng nguyên vẹn trước đó", "intact lines before it"));
  }

  static ObjectNode toJson(Path file, AuditLogReport report) {
    ObjectNode root = new ObjectMapper().createObjectNode();
    root.put("file", file.toString());
    root.put("intact", report.intact());
    root.put("lines", report.lines());
    root.put("head", report.head());
    report
        .defect()
        .ifPresent(
            d ->
                root.putObject("defect")
                    .put("line", d.line())
                    .put("kind", d.kind().name())
                    .put("detail", d.detail()));
    return root;
  }
}
