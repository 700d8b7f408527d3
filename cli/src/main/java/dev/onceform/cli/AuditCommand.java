package dev.onceform.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code onceform audit}: the commands for the prefill audit log. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = "Works with the hash-chained JSON Lines audit log of registry access.",
    subcommands = AuditVerifyCommand.class)
final class AuditCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
  }
}
