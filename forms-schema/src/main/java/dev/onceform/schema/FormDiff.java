package dev.onceform.schema;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The differences between two versions of one form, from {@link FormDefinition#diff}.
 *
 * <p>The diff is <em>compatible</em> when every draft (a submission in progress) that is valid
 * under the old version is still valid under the new one, so drafts can be carried over; else it is
 * <em>breaking</em>. The classification is conservative: a change OnceForm cannot prove harmless
 * counts as breaking (see {@link FormChange.Kind}).
 *
 * @param from the old form as {@code id@version}
 * @param to the new form as {@code id@version}
 * @param changes every change, in document order of the new form (removed parts where they were)
 */
public record FormDiff(String from, String to, List<FormChange> changes) {

  /** Checks the parts and copies the list. */
  public FormDiff {
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    changes = List.copyOf(changes);
  }

  /** Returns whether drafts of the old version still validate under the new one. */
  public boolean compatible() {
    return changes.stream().noneMatch(FormChange::breaking);
  }

  /** Returns the breaking changes, in order. */
  public List<FormChange> breakingChanges() {
    return changes.stream().filter(FormChange::breaking).toList();
  }
}
