package dev.onceform.cli;

/** The tool's exit codes, the same for every subcommand. */
final class ExitCode {
  /** Valid, verified ({@code TOTAL_PASSED}), done. */
  static final int OK = 0;

  /** Invalid submission, or a signature that failed ({@code TOTAL_FAILED}). */
  static final int FAILED = 1;

  /** Bad usage or unreadable input: the message on stderr says what to fix. */
  static final int USAGE = 2;

  /** A signature could be neither confirmed nor refuted ({@code INDETERMINATE}). */
  static final int INDETERMINATE = 3;

  /** A bug in OnceForm: please report it with the message. */
  static final int INTERNAL = 4;

  private ExitCode() {}
}
