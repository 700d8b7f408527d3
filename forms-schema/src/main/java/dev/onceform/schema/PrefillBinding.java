package dev.onceform.schema;

import static java.util.Objects.requireNonNull;

/**
 * Where a field's value comes from, as declared by its {@code x-prefill} keyword.
 *
 * @param source the registry, e.g. {@code population}
 * @param attribute the registry attribute, e.g. {@code fullName}
 * @param subject whose record: {@link #APPLICANT} (the logged-in person) or the JSON Pointer of the
 *     field that holds the person's identification number, e.g. {@code /mother/personalId}
 * @param lock whether the citizen may not change the prefilled value
 */
public record PrefillBinding(String source, String attribute, String subject, boolean lock) {

  /** The subject value that means "the logged-in applicant". */
  public static final String APPLICANT = "applicant";

  /** Checks the parts. */
  public PrefillBinding {
    requireNonNull(source, "source");
    requireNonNull(attribute, "attribute");
    requireNonNull(subject, "subject");
    if (!subject.equals(APPLICANT) && !subject.startsWith("/")) {
      throw new IllegalArgumentException(
          "subject must be 'applicant' or a JSON Pointer starting with '/', but was '"
              + subject
              + "'");
    }
  }

  /** Returns whether the subject is the logged-in applicant. */
  public boolean isApplicant() {
    return subject.equals(APPLICANT);
  }
}
