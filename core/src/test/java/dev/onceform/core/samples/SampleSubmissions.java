package dev.onceform.core.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The sample submissions of the bundled forms, read from the source tree: {@code
 * forms-schema/src/test/resources/samples/<form-id>/<version>/}, with {@code valid-*.json}, {@code
 * invalid-*.json} and {@code expected.json} (each invalid file's problems as {@code {code,
 * pointer}}).
 */
final class SampleSubmissions {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SampleSubmissions() {}

  /**
   * One sample file.
   *
   * @param expected the problems OnceForm must report, as {@code "code pointer"}; empty for a valid
   *     sample
   */
  record Sample(String formId, String version, Path file, List<String> expected) {
    String name() {
      return file.getFileName().toString();
    }

    boolean valid() {
      return name().startsWith("valid-");
    }

    /** The key the ajv script prints: {@code form-id/version/file}. */
    String key() {
      return formId + "/" + version + "/" + name();
    }

    @Override
    public String toString() {
      return key();
    }
  }

  /**
   * The project's root directory: the nearest parent of the working directory with {@code mvnw}.
   */
  static Path projectRoot() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve("mvnw"))
          && Files.isDirectory(d.resolve("forms-schema/src/test/resources/samples"))) {
        return d;
      }
    }
    throw new IllegalStateException("no OnceForm project root above " + dir);
  }

  static Path samplesDir() {
    return projectRoot().resolve("forms-schema/src/test/resources/samples");
  }

  static Path formsDir() {
    return projectRoot().resolve("forms-schema/src/main/resources/dev/onceform/schema/forms");
  }

  /** Every sample of every form version, sorted by key. */
  static List<Sample> all() {
    List<Sample> samples = new ArrayList<>();
    for (Path form : children(samplesDir())) {
      for (Path version : children(form)) {
        JsonNode expected = read(version.resolve("expected.json"));
        for (Path file : children(version)) {
          String name = file.getFileName().toString();
          if (name.endsWith(".json") && !name.equals("expected.json")) {
            samples.add(
                new Sample(
                    form.getFileName().toString(),
                    version.getFileName().toString(),
                    file,
                    problems(expected.path(name))));
          }
        }
      }
    }
    return List.copyOf(samples);
  }

  /** The names listed in a version folder's {@code expected.json}. */
  static List<String> expectedNames(String formId, String version) {
    List<String> names = new ArrayList<>();
    read(samplesDir().resolve(formId).resolve(version).resolve("expected.json"))
        .fieldNames()
        .forEachRemaining(names::add);
    return names;
  }

  static JsonNode read(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> problems(JsonNode list) {
    List<String> problems = new ArrayList<>();
    list.forEach(p -> problems.add(p.path("code").asText() + " " + p.path("pointer").asText()));
    return problems;
  }

  private static List<Path> children(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.sorted(Comparator.comparing(Path::toString)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Optional<Path> nodeModules() {
    Path dir = projectRoot().resolve("interop/ajv/node_modules/ajv");
    return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
  }
}
