package dev.onceform.signing.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs an external program (pdfsig, openssl, keytool) for interoperability tests, with a timeout.
 *
 * <p>If the program is not on {@code PATH} the test is skipped, unless the environment variable
 * {@code ONCEFORM_REQUIRE_TOOLS=1} is set (as in CI): then the test fails and says what to install.
 */
public final class ExternalTool {

  /** The output of a finished run. */
  public record Result(int exitCode, String output) {}

  private final Path executable;

  private ExternalTool(Path executable) {
    this.executable = executable;
  }

  /**
   * Finds {@code name} on {@code PATH}; skips or fails the calling test if it is missing.
   *
   * @param name the program name, e.g. {@code pdfsig}
   * @param installHint what to install, e.g. {@code install poppler-utils}
   */
  public static ExternalTool require(String name, String installHint) {
    Optional<Path> found = onPath(name);
    if (found.isEmpty()) {
      unavailable(name + " is not on PATH; " + installHint);
    }
    return new ExternalTool(found.orElseThrow());
  }

  /**
   * Skips the calling test because something it needs from the machine is missing, or fails it if
   * {@code ONCEFORM_REQUIRE_TOOLS=1}.
   *
   * @param message what is missing and what to install
   */
  public static void unavailable(String message) {
    if ("1".equals(System.getenv("ONCEFORM_REQUIRE_TOOLS"))) {
      fail(message + " (ONCEFORM_REQUIRE_TOOLS=1 makes this a failure)");
    }
    Assumptions.abort(message);
  }

  /** The JDK's own keytool, which is always present. */
  public static ExternalTool keytool() {
    return new ExternalTool(Path.of(System.getProperty("java.home"), "bin", "keytool"));
  }

  /**
   * Runs the program with {@code arguments}, stdout and stderr merged, in the C locale and the UTC
   * time zone (pdfsig, for one, prints times in the local zone without saying which).
   *
   * @return the exit code and output; fails the test on timeout
   */
  public Result run(Duration timeout, String... arguments)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(List.of(arguments));
    Path output = Files.createTempFile("onceform-tool-", ".txt");
    try {
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.redirectOutput(output.toFile());
      builder.environment().put("LC_ALL", "C");
      builder.environment().put("TZ", "UTC");
      Process process = builder.start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        fail(String.format(Locale.ROOT, "%s did not finish within %s", command, timeout));
      }
      return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(output);
    }
  }

  private static Optional<Path> onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    List<String> directories =
        Pattern.compile(Pattern.quote(File.pathSeparator)).splitAsStream(path).toList();
    for (String directory : directories) {
      if (directory.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(directory, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
