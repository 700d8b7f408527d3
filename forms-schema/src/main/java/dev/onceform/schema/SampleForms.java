package dev.onceform.schema;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The sample procedure forms bundled with OnceForm, for trying the library and for copying from.
 *
 * <pre>{@code
 * FormDefinition form = SampleForms.get("birth-registration").orElseThrow();
 * }</pre>
 */
public final class SampleForms {
  private static final Map<String, String> RESOURCES =
      Map.of("birth-registration", "forms/birth-registration-0.1.0.json");

  private SampleForms() {}

  /** Returns the ids of the bundled sample forms. */
  public static Set<String> ids() {
    return RESOURCES.keySet();
  }

  /**
   * Loads the latest bundled version of a sample form.
   *
   * @return the form, or empty if no sample has that id
   */
  public static Optional<FormDefinition> get(String id) {
    String resource = RESOURCES.get(requireNonNull(id, "id"));
    if (resource == null) {
      return Optional.empty();
    }
    try (InputStream in = SampleForms.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new OnceFormException(
            "OF-FORM-107", "sample form " + resource + " is missing from the jar");
      }
      return Optional.of(FormDefinition.parse(in, resource));
    } catch (IOException e) {
      throw new OnceFormException("OF-FORM-107", "cannot read sample form " + resource, e);
    }
  }
}
