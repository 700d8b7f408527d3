package dev.onceform.schema;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A semantic version {@code MAJOR.MINOR.PATCH[-PRERELEASE]}, ordered as semver.org says: a
 * pre-release comes before its release, pre-release identifiers compare numerically or as text.
 */
record SemanticVersion(int major, int minor, int patch, String preRelease)
    implements Comparable<SemanticVersion> {
  private static final Pattern SEMVER =
      Pattern.compile(
          "(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})(?:-([0-9A-Za-z.-]+))?");

  static Optional<SemanticVersion> parse(String text) {
    Matcher m = SEMVER.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    String pre = m.group(4);
    return Optional.of(
        new SemanticVersion(
            Integer.parseInt(m.group(1)),
            Integer.parseInt(m.group(2)),
            Integer.parseInt(m.group(3)),
            pre == null ? "" : pre));
  }

  /**
   * Whether going from {@code older} to this version may break drafts: a new major version, a new
   * minor version while the major is 0, or a pre-release (which promises nothing).
   */
  boolean mayBreak(SemanticVersion older) {
    return major > older.major
        || (major == 0 && older.major == 0 && minor > older.minor)
        || !preRelease.isEmpty();
  }

  /**
   * The lowest version after {@code this} that may break: {@code 2.0.0} after 1.4.2, {@code 0.3.0}
   * after 0.2.1.
   */
  String nextBreaking() {
    return major == 0 ? "0." + (minor + 1) + ".0" : (major + 1) + ".0.0";
  }

  @Override
  public int compareTo(SemanticVersion other) {
    int c = Integer.compare(major, other.major);
    c = c != 0 ? c : Integer.compare(minor, other.minor);
    c = c != 0 ? c : Integer.compare(patch, other.patch);
    if (c != 0 || preRelease.equals(other.preRelease)) {
      return c;
    }
    if (preRelease.isEmpty() || other.preRelease.isEmpty()) {
      return preRelease.isEmpty() ? 1 : -1;
    }
    return comparePreRelease(preRelease.split("\\."), other.preRelease.split("\\."));
  }

  private static int comparePreRelease(String[] a, String[] b) {
    for (int i = 0; i < Math.min(a.length, b.length); i++) {
      boolean na = a[i].chars().allMatch(Character::isDigit);
      boolean nb = b[i].chars().allMatch(Character::isDigit);
      int c;
      if (na && nb) {
        c = Long.compare(Long.parseLong(a[i]), Long.parseLong(b[i]));
      } else if (na || nb) {
        c = na ? -1 : 1;
      } else {
        c = a[i].compareTo(b[i]);
      }
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.length, b.length);
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch + (preRelease.isEmpty() ? "" : "-" + preRelease);
  }
}
