package dev.onceform.core.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs a command-line verifier (pdftotext, pdfsig, qpdf) on a test's output. When the tool is not
 * installed the test is skipped, unless {@code ONCEFORM_REQUIRE_TOOLS=1} (set by CI), in which case
 * it fails: CI must really run these checks.
 */
public final class ExternalTool {
  private ExternalTool() {}

  /** Skips (or, in CI, fails) the test if the tool is not on the PATH. */
  public static void require(String tool, String debianPackage) {
    boolean found = false;
    String path = System.getenv("PATH");
    for (String dir : (path == null ? "" : path).split(File.pathSeparator, -1)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
        found = true;
      }
    }
    if (!found && "1".equals(System.getenv("ONCEFORM_REQUIRE_TOOLS"))) {
      fail(
          tool
              + " is not installed; install "
              + debianPackage
              + " (apt-get install -y "
              + debianPackage
              + ")");
    }
    Assumptions.assumeTrue(
        found, tool + " is not installed; install " + debianPackage + " to run this check");
  }

  /** Runs a command, waits up to 60 s, and returns its standard output and error. */
  public static Result run(String... command) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true).start();
    process.getOutputStream().close();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail(command[0] + " did not finish within 60 s");
    }
    return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }

  /** A finished command. */
  public record Result(int exitCode, String output) {}
}
