package dev.onceform.signing;

import java.util.List;
import java.util.OptionalInt;

/**
 * Decides whether the changes after a signed revision are allowed: content changes never are;
 * validation data and document timestamps always are; later signatures unless a certification
 * signature has DocMDP P=1; form fill-in with DocMDP P=2 or 3, or without DocMDP when the {@link
 * ChangePolicy} allows it; annotations with DocMDP P=3, or without DocMDP under {@link
 * ChangePolicy#ALLOW_FORM_FILL_AND_ANNOTATIONS}. Immutable and thread-safe.
 */
final class ChangeCheck {

  private final ChangePolicy policy;

  ChangeCheck(ChangePolicy policy) {
    this.policy = policy;
  }

  /**
   * Checks the changes after the revision that ends at {@code signedEnd}.
   *
   * @return the message key for a valid signature: {@code signature.valid} (only validation data
   *     followed), {@code signature.validRevision} (later signatures too) or {@code
   *     signature.validPermittedChanges} (form fill-in or annotations too)
   * @throws VerificationFailure TOTAL_FAILED/FORMAT_FAILURE naming the first change not allowed
   */
  String check(byte[] pdf, long signedEnd) throws VerificationFailure {
    RevisionChanges.Result result = RevisionChanges.analyse(pdf, signedEnd);
    List<RevisionChanges.Change> changes = result.changes();
    for (RevisionChanges.Change change : changes) {
      if (change.kind() == RevisionChanges.Kind.CONTENT) {
        throw failure(change.key(), change.args());
      }
    }
    OptionalInt docMdp = result.docMdp();
    for (RevisionChanges.Change change : changes) {
      if (!allowed(change.kind(), docMdp)) {
        throw refused(change, docMdp);
      }
    }
    boolean permitted = false;
    boolean signatures = false;
    for (RevisionChanges.Change change : changes) {
      permitted |=
          change.kind() == RevisionChanges.Kind.FORM_FILL
              || change.kind() == RevisionChanges.Kind.ANNOTATION;
      signatures |=
          change.kind() == RevisionChanges.Kind.SIGNATURE
              || change.kind() == RevisionChanges.Kind.DOCUMENT_TIMESTAMP;
    }
    if (permitted) {
      return "signature.validPermittedChanges";
    }
    return signatures ? "signature.validRevision" : "signature.valid";
  }

  private boolean allowed(RevisionChanges.Kind kind, OptionalInt docMdp) {
    int level = docMdp.orElse(0);
    return switch (kind) {
      case VALIDATION_DATA, DOCUMENT_TIMESTAMP -> true;
      case SIGNATURE -> level != 1;
      case FORM_FILL -> docMdp.isPresent() ? level >= 2 : policy != ChangePolicy.STRICT;
      case ANNOTATION ->
          docMdp.isPresent() ? level == 3 : policy == ChangePolicy.ALLOW_FORM_FILL_AND_ANNOTATIONS;
      case CONTENT -> false;
    };
  }

  private VerificationFailure refused(RevisionChanges.Change change, OptionalInt docMdp) {
    List<String> args = new java.util.ArrayList<>(change.args());
    String key = change.key();
    if (docMdp.isPresent()) {
      key += "DocMdp";
      args.add(Integer.toString(docMdp.getAsInt()));
    } else {
      args.add(policy.name());
    }
    return failure(key, args);
  }

  private static VerificationFailure failure(String key, List<String> args) {
    return VerificationFailure.format(key, args.toArray(String[]::new));
  }
}
