package dev.onceform.core;

import static java.util.Objects.requireNonNull;

/**
 * The person a prefill is for: the logged-in applicant, identified by the personal identification
 * number that the identity provider (e.g. VNeID) vouched for.
 *
 * <p>{@link #toString()} masks the number, so that a subject logged by mistake does not leak it.
 *
 * @param personalId the 12-digit personal identification number
 */
public record Subject(String personalId) {

  /** Checks that the number has 12 digits. */
  public Subject {
    requireNonNull(personalId, "personalId");
    if (!personalId.matches("[0-9]{12}")) {
      throw new IllegalArgumentException(
          "personalId must be 12 digits, but has " + personalId.length() + " characters");
    }
  }

  /** Returns the subject with this personal identification number. */
  public static Subject person(String personalId) {
    return new Subject(personalId);
  }

  /** Returns a description with the number masked. */
  @Override
  public String toString() {
    return "Subject[personalId=********" + personalId.substring(8) + "]";
  }
}
