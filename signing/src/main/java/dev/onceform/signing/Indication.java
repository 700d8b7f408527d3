package dev.onceform.signing;

/**
 * The main result of validating a signature, as in ETSI EN 319 102-1 and the EU DSS library.
 * Constants are declared from best to worst.
 */
public enum Indication {
  /** All checks passed: the signature is valid. */
  TOTAL_PASSED,
  /**
   * The checks neither proved the signature valid nor invalid, e.g. the certificate does not chain
   * to a trusted anchor or has expired without proof that the signature existed before.
   */
  INDETERMINATE,
  /** The signature is invalid: the document was changed, the signature value is wrong, etc. */
  TOTAL_FAILED;

  /**
   * Returns the worse of this and {@code other}.
   *
   * @param other another indication
   * @return the worse indication
   */
  public Indication worse(Indication other) {
    return other.compareTo(this) > 0 ? other : this;
  }
}
