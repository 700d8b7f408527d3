package dev.onceform.schema;

/**
 * What validation does with the value of a field whose {@code x-visible-if} is false, from {@code
 * x-form.hiddenFields}.
 */
public enum HiddenFields {
  /** The value must be absent; a present one is the problem {@code rule.x-visible-if}. */
  REJECT,
  /** The value is removed from the submission as checked, and not validated. */
  DROP;

  /** Returns the keyword value: {@code reject} or {@code drop}. */
  public String keyword() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
