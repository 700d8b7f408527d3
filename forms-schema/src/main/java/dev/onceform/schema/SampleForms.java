package dev.onceform.schema;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sample procedure forms bundled with OnceForm, for trying the library and for copying from:
 * birth registration (two versions), death registration, judicial record certificate, marital
 * status confirmation, permanent residence registration and business household registration.
 *
 * <p>Several versions of one form are bundled side by side; {@link #get(String)} returns the latest
 * and {@link #get(String, String)} a given one. Forms are read from the jar on each call; the
 * returned {@link FormDefinition}s are immutable.
 *
 * <pre>{@code
 * FormDefinition latest = SampleForms.get("birth-registration").orElseThrow();
 * FormDefinition old = SampleForms.get("birth-registration", "0.1.0").orElseThrow();
 * }</pre>
 */
public final class SampleForms {
  private static final Pattern FILE_NAME = Pattern.compile("(.+)-(\\d+)\\.(\\d+)\\.(\\d+)");

  /** Form id to its bundled versions, each version to its resource, in ascending order. */
  private static final Map<String, Map<String, String>> RESOURCES =
      index(
          List.of(
              "birth-registration-0.1.0",
              "birth-registration-1.0.0",
              "death-registration-1.0.0",
              "judicial-record-certificate-1.0.0",
              "marital-status-confirmation-1.0.0",
              "permanent-residence-registration-1.0.0",
              "business-household-registration-1.0.0"));

  private SampleForms() {}

  /** Returns the ids of the bundled sample forms, in a stable order. */
  public static Set<String> ids() {
    return RESOURCES.keySet();
  }

  /**
   * Returns the bundled versions of a sample form, oldest first.
   *
   * @return the versions, or an empty list if no sample has that id
   */
  public static List<String> versions(String id) {
    Map<String, String> versions = RESOURCES.get(requireNonNull(id, "id"));
    return versions == null ? List.of() : List.copyOf(versions.keySet());
  }

  /**
   * Loads the latest bundled version of a sample form.
   *
   * @return the form, or empty if no sample has that id
   * @throws OnceFormException {@code OF-FORM-107} if the jar is damaged
   */
  public static Optional<FormDefinition> get(String id) {
    List<String> versions = versions(id);
    return versions.isEmpty() ? Optional.empty() : get(id, versions.get(versions.size() - 1));
  }

  /**
   * Loads one bundled version of a sample form.
   *
   * @return the form, or empty if no sample has that id and version
   * @throws OnceFormException {@code OF-FORM-107} if the jar is damaged
   */
  public static Optional<FormDefinition> get(String id, String version) {
    requireNonNull(version, "version");
    Map<String, String> versions = RESOURCES.get(requireNonNull(id, "id"));
    String resource = versions == null ? null : versions.get(version);
    return resource == null ? Optional.empty() : Optional.of(load(resource));
  }

  /**
   * Loads every bundled version of every sample form, by id and then oldest version first.
   *
   * @throws OnceFormException {@code OF-FORM-107} if the jar is damaged
   */
  public static List<FormDefinition> all() {
    List<FormDefinition> forms = new ArrayList<>();
    RESOURCES.values().forEach(versions -> versions.values().forEach(r -> forms.add(load(r))));
    return List.copyOf(forms);
  }

  private static FormDefinition load(String resource) {
    try (InputStream in = SampleForms.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new OnceFormException(
            "OF-FORM-107", "sample form " + resource + " is missing from the jar");
      }
      return FormDefinition.parse(in, resource);
    } catch (IOException e) {
      throw new OnceFormException("OF-FORM-107", "cannot read sample form " + resource, e);
    }
  }

  private static Map<String, Map<String, String>> index(List<String> names) {
    List<Bundled> bundled = new ArrayList<>();
    for (String file : names) {
      Matcher m = FILE_NAME.matcher(file);
      if (!m.matches()) {
        throw new IllegalStateException("sample form name " + file + " is not id-x.y.z");
      }
      bundled.add(
          new Bundled(
              m.group(1),
              Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(3)),
              Integer.parseInt(m.group(4)),
              file));
    }
    bundled.sort(
        Comparator.comparing(Bundled::id)
            .thenComparingInt(Bundled::major)
            .thenComparingInt(Bundled::minor)
            .thenComparingInt(Bundled::patch));
    Map<String, Map<String, String>> index = new LinkedHashMap<>();
    for (Bundled b : bundled) {
      index
          .computeIfAbsent(b.id(), k -> new LinkedHashMap<>())
          .put(b.versionText(), "forms/" + b.file() + ".json");
    }
    index.replaceAll((id, versions) -> Collections.unmodifiableMap(versions));
    return Collections.unmodifiableMap(index);
  }

  /** A bundled form file: its id, numeric version and file name without {@code .json}. */
  private record Bundled(String id, int major, int minor, int patch, String file) {
    String versionText() {
      return major + "." + minor + "." + patch;
    }
  }
}
