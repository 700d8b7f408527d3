package dev.onceform.schema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code version.breaking} and {@code version.unchanged}: among the versions of one form (the
 * linted files and the published versions given to the linter), each version is compared with the
 * one before it. A breaking change needs a new major version (for a 0.x form, a new minor one); a
 * changed form needs a new version.
 */
final class VersionCheck {
  static final String BREAKING = "version.breaking";
  static final String UNCHANGED = "version.unchanged";
  private static final int LISTED = 5;

  /** A version of a form; {@code file} is empty for a published version that is not linted. */
  record Version(FormDefinition form, SemanticVersion version, Optional<LintedFile> file) {}

  private VersionCheck() {}

  static void check(List<Version> versions) {
    Map<String, List<Version>> byId = new LinkedHashMap<>();
    for (Version v : versions) {
      byId.computeIfAbsent(v.form().id(), id -> new ArrayList<>()).add(v);
    }
    for (List<Version> list : byId.values()) {
      List<Version> sorted = list.stream().sorted(Comparator.comparing(Version::version)).toList();
      for (int i = 1; i < sorted.size(); i++) {
        Version older = sorted.get(i - 1);
        Version newer = sorted.get(i);
        newer.file().ifPresent(file -> compare(older, newer, file));
      }
    }
  }

  private static void compare(Version older, Version newer, LintedFile file) {
    FormDiff diff = FormDefinition.diff(older.form(), newer.form());
    String at = "/x-form/version";
    if (older.version().equals(newer.version())) {
      if (!diff.changes().isEmpty()) {
        file.errorAtValue(
            UNCHANGED,
            at,
            newer.form()
                + " differs from "
                + older.form().source()
                + " but has the same"
                + " version: "
                + list(diff.changes()),
            "give the changed form a new version");
      }
      return;
    }
    if (!diff.compatible() && !newer.version().mayBreak(older.version())) {
      file.errorAtValue(
          BREAKING,
          at,
          older.form().id()
              + " "
              + older.version()
              + " -> "
              + newer.version()
              + " is not a major version bump, but the change is breaking (drafts of "
              + older.version()
              + " may no longer validate): "
              + list(diff.breakingChanges()),
          "bump the version to "
              + older.version().nextBreaking()
              + ", or make the change compatible (e.g. add fields as optional)");
    }
  }

  private static String list(List<FormChange> changes) {
    String shown =
        changes.stream()
            .limit(LISTED)
            .map(c -> (c.field().isEmpty() ? "/" : c.field()) + " " + c.kind())
            .collect(Collectors.joining(", "));
    return changes.size() > LISTED ? shown + " and " + (changes.size() - LISTED) + " more" : shown;
  }
}
