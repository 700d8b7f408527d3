package dev.onceform.cli;

import dev.onceform.schema.OnceFormException;
import dev.onceform.signing.SigningException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code onceform}: the command-line tool for form authors and operators. Every error is one line
 * on stderr, never a stack trace; output is UTF-8 whatever the platform's default.
 */
@Command(
    name = "onceform",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "OnceForm: prefilled, validated, signed government e-forms.",
    subcommands = {
      ArchiveCommand.class,
      AuditCommand.class,
      DemoCommand.class,
      LintCommand.class,
      PrefillCommand.class,
      RenderCommand.class,
      SignCommand.class,
      SignJsonCommand.class,
      ValidateCommand.class,
      VerifyCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:ok, valid, TOTAL_PASSED",
      "1:invalid submission, lint errors, TOTAL_FAILED, tampered audit log",
      "2:bad usage or unreadable input",
      "3:INDETERMINATE",
      "4:internal error"
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** The environment: where {@code --password-env} reads passwords from. */
  private final Map<String, String> env;

  private Main(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  /** Runs the tool and exits with its exit code. */
  public static void main(String[] args) {
    PrintWriter out = utf8(new FileOutputStream(FileDescriptor.out));
    PrintWriter err = utf8(new FileOutputStream(FileDescriptor.err));
    int code = run(args, out, err);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs the tool with the given streams and returns the exit code. */
  static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, out, err, System.getenv());
  }

  /**
   * Runs the tool with the given streams and environment (so that tests can give {@code
   * --password-env} a variable) and returns the exit code.
   */
  static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env) {
    CommandLine cli = new CommandLine(new Main(env));
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler(Main::usageError);
    cli.setExecutionExceptionHandler(Main::failure);
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /** Returns the environment the tool runs in. */
  Map<String, String> env() {
    return env;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
  }

  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    command
        .getErr()
        .printf(
            "%s: %s (see '%s --help')%n",
            command.getCommandSpec().qualifiedName(),
            oneLine(e.getMessage()),
            command.getCommandSpec().qualifiedName());
    return ExitCode.USAGE;
  }

  private static int failure(Exception e, CommandLine command, CommandLine.ParseResult result) {
    String name = command.getCommandSpec().qualifiedName();
    if (e instanceof UsageException
        || e instanceof OnceFormException
        || e instanceof SigningException
        || e instanceof UncheckedIOException) {
      command.getErr().printf("%s: %s%n", name, oneLine(e.getMessage()));
      return ExitCode.USAGE;
    }
    command
        .getErr()
        .printf(
            "%s: internal error, please report it: %s: %s%n",
            name, e.getClass().getName(), oneLine(e.getMessage()));
    return ExitCode.INTERNAL;
  }

  private static String oneLine(@Nullable String message) {
    return message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ").strip();
  }

  private static PrintWriter utf8(FileOutputStream stream) {
    return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
  }

  /** Reads the version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Main.class.getPackage().getImplementationVersion();
      return new String[] {"onceform " + (version == null ? "(development build)" : version)};
    }
  }
}
