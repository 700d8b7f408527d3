package dev.onceform.core;

import static java.util.Objects.requireNonNull;

import dev.onceform.core.internal.CompiledForm;
import dev.onceform.schema.OnceFormException;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The forms an engine serves, compiled, by {@code id@version}; looked up by {@code id@version} or
 * by id alone (the highest version). Immutable and thread-safe.
 */
final class CompiledForms {
  private final Map<String, CompiledForm> byKey;

  /** Takes the compiled forms by {@code id@version}, in registration order. */
  CompiledForms(Map<String, CompiledForm> byKey) {
    this.byKey = Collections.unmodifiableMap(new LinkedHashMap<>(byKey));
  }

  /** Every form, every version, in registration order. */
  Collection<CompiledForm> all() {
    return byKey.values();
  }

  /** A form by {@code id@version}, or by id: then its highest version. */
  Optional<CompiledForm> find(String formId) {
    if (formId.contains("@")) {
      return Optional.ofNullable(byKey.get(formId));
    }
    return byKey.values().stream()
        .filter(f -> f.form().id().equals(formId))
        .max(Comparator.comparing(f -> Semver.of(f.form().version())));
  }

  /**
   * A form as {@link #find} finds it.
   *
   * @throws OnceFormException {@code OF-ENGINE-101} if it is not registered
   */
  CompiledForm require(String formId) {
    return find(requireNonNull(formId, "formId"))
        .orElseThrow(
            () ->
                new OnceFormException(
                    "OF-ENGINE-101",
                    "form '"
                        + formId
                        + "' is not registered; registered: "
                        + byKey.keySet()
                        + ". Add it with FormEngine.builder().form(...)"));
  }

  /** A semantic version, ordered by major, minor, patch; a pre-release sorts before its release. */
  private record Semver(int major, int minor, int patch, String preRelease)
      implements Comparable<Semver> {
    private static final Pattern SEMVER = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)(?:-(.+))?");

    /** Parses a version that {@link FormDefinition} has already checked. */
    static Semver of(String version) {
      Matcher m = SEMVER.matcher(version);
      if (!m.matches()) {
        throw new IllegalArgumentException("not a semantic version: " + version);
      }
      String preRelease = m.group(4);
      return new Semver(
          Integer.parseInt(m.group(1)),
          Integer.parseInt(m.group(2)),
          Integer.parseInt(m.group(3)),
          preRelease == null ? "" : preRelease);
    }

    @Override
    public int compareTo(Semver other) {
      int byNumbers =
          Comparator.comparingInt(Semver::major)
              .thenComparingInt(Semver::minor)
              .thenComparingInt(Semver::patch)
              .compare(this, other);
      if (byNumbers != 0) {
        return byNumbers;
      }
      if (preRelease.isEmpty() || other.preRelease.isEmpty()) {
        return Boolean.compare(preRelease.isEmpty(), other.preRelease.isEmpty());
      }
      return preRelease.compareTo(other.preRelease);
    }
  }
}
