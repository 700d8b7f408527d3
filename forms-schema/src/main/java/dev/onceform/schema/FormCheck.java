package dev.onceform.schema;

/** One family of lint rules, run on each form file that is well-formed JSON. */
interface FormCheck {

  /** Checks a file and adds what it finds to the file's findings. */
  void check(LintedFile form);
}
