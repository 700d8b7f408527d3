package dev.onceform.core.adapters;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.onceform.core.prefill.SourcePolicy;
import dev.onceform.core.spi.RegistryAdapter;
import dev.onceform.schema.OnceFormException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Reads a sources configuration file: the built-in registry adapters to use and the policy of each
 * source, without Java code. See {@code docs/prefill.md} for the format:
 *
 * <pre>{@code
 * {
 *   "adapters": [
 *     {"type": "jdbc", "id": "population-db", "source": "population", "url": "jdbc:...", ...},
 *     {"type": "http-json", "id": "civil-status-api", "source": "civil-status", "url": "https://...", ...}
 *   ],
 *   "policies": {
 *     "population": {"timeout": "PT2S", "failureRateThreshold": 50, "openDuration": "PT30S"}
 *   },
 *   "defaultPolicy": {"timeout": "PT1.5S"},
 *   "prefillTimeout": "PT3S"
 * }
 * }</pre>
 *
 * <p>Each adapter's {@code type} selects how the rest of its object is read: {@code "jdbc"} by
 * {@link JdbcRegistryAdapter#fromConfig(JsonNode, String, Function)} ({@code
 * docs/jdbc-adapter.md}), {@code "http-json"} by {@link
 * HttpJsonRegistryAdapter#fromConfig(JsonNode, String)}. Relative paths in the file (such as TLS
 * key stores) are resolved against the file's directory. Every error is an {@link
 * OnceFormException} naming the file and the JSON Pointer of the member at fault.
 */
public final class RegistryAdapters {
  /** The adapter types a configuration file may name. */
  public static final Set<String> TYPES = Set.of("jdbc", "http-json");

  private static final Set<String> MEMBERS =
      Set.of("adapters", "policies", "defaultPolicy", "prefillTimeout");
  private static final Set<String> POLICY_MEMBERS =
      Set.of(
          "timeout",
          "failureRateThreshold",
          "slidingWindowSize",
          "minimumCalls",
          "openDuration",
          "probeCalls");
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private static final ObjectMapper YAML =
      new YAMLMapper()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private RegistryAdapters() {}

  /**
   * Reads a sources configuration file whose JDBC adapters give their own {@code url}.
   *
   * @param file the JSON file, or a YAML file if its name ends in {@code .yaml} or {@code .yml}
   * @return the adapters and policies
   * @throws OnceFormException {@code OF-ADAPTER-301} to {@code OF-ADAPTER-304} for the file itself,
   *     or an adapter's own {@code OF-ADAPTER-1xx}/{@code 2xx} code, with the file and JSON Pointer
   */
  public static RegistryConfig load(Path file) {
    return load(file, name -> null);
  }

  /**
   * Reads a sources configuration file, taking the data sources its JDBC adapters name ({@code
   * "dataSource": "name"}) from the application.
   *
   * @param file the JSON file, or a YAML file if its name ends in {@code .yaml} or {@code .yml}
   * @param dataSources the application's data sources by name; returns {@code null} for an unknown
   *     name
   * @return the adapters and policies
   * @throws OnceFormException {@code OF-ADAPTER-301} to {@code OF-ADAPTER-304} for the file itself,
   *     or an adapter's own {@code OF-ADAPTER-1xx}/{@code 2xx} code, with the file and JSON Pointer
   */
  public static RegistryConfig load(Path file, Function<String, @Nullable DataSource> dataSources) {
    requireNonNull(file, "file");
    requireNonNull(dataSources, "dataSources");
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new OnceFormException(
          "OF-ADAPTER-301",
          file + ": the sources configuration cannot be read (" + e + "); check the path",
          e);
    }
    boolean yaml = isYaml(file);
    JsonNode config;
    try {
      config = (yaml ? YAML : JSON).readTree(content);
    } catch (JsonProcessingException e) {
      throw new OnceFormException(
          "OF-ADAPTER-301",
          String.format(
              Locale.ROOT,
              "%s: not valid %s at line %d, column %d: %s",
              file,
              yaml ? "YAML" : "JSON",
              e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
              e.getLocation() == null ? 0 : e.getLocation().getColumnNr(),
              e.getOriginalMessage()),
          e);
    } catch (IOException e) {
      throw new OnceFormException("OF-ADAPTER-301", file + ": cannot be parsed (" + e + ")", e);
    }
    if (config == null || config.isMissingNode()) {
      throw new OnceFormException("OF-ADAPTER-301", file + ": the file is empty");
    }
    return read(config, file.toString(), dataSources);
  }

  /** A file named {@code *.yaml} or {@code *.yml} is read as YAML, any other as JSON. */
  private static boolean isYaml(Path file) {
    Path name = file.getFileName();
    String lower = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
    return lower.endsWith(".yaml") || lower.endsWith(".yml");
  }

  /**
   * Reads a sources configuration already parsed.
   *
   * @param config the configuration object
   * @param file where it came from, for error messages and to resolve relative paths
   * @param dataSources the application's data sources by name; returns {@code null} for an unknown
   *     name
   * @return the adapters and policies
   * @throws OnceFormException {@code OF-ADAPTER-302} to {@code OF-ADAPTER-304}, or an adapter's own
   *     code, naming the file and the JSON Pointer of the member at fault
   */
  public static RegistryConfig read(
      JsonNode config, String file, Function<String, @Nullable DataSource> dataSources) {
    requireNonNull(config, "config");
    requireNonNull(file, "file");
    requireNonNull(dataSources, "dataSources");
    if (!config.isObject()) {
      throw error(
          "302", file, "", "the sources configuration must be a JSON object with \"adapters\"");
    }
    checkMembers(config, "302", file, "", MEMBERS);
    List<RegistryAdapter> adapters = new ArrayList<>();
    JsonNode list = config.get("adapters");
    if (list != null) {
      if (!list.isArray()) {
        throw error("302", file, "/adapters", "must be an array of adapter objects");
      }
      Map<String, String> sources = new HashMap<>();
      for (int i = 0; i < list.size(); i++) {
        String pointer = "/adapters/" + i;
        RegistryAdapter adapter = adapter(list.get(i), file, pointer, dataSources);
        String previous = sources.putIfAbsent(adapter.source(), pointer);
        if (previous != null) {
          throw error(
              "303",
              file,
              pointer + "/source",
              "source '"
                  + adapter.source()
                  + "' already has the adapter at "
                  + previous
                  + "; give each source one adapter");
        }
        adapters.add(adapter);
      }
    }
    Map<String, SourcePolicy> policies = new LinkedHashMap<>();
    JsonNode policyNodes = config.get("policies");
    if (policyNodes != null) {
      if (!policyNodes.isObject()) {
        throw error("302", file, "/policies", "must be an object: source id to policy");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = policyNodes.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        String pointer = "/policies/" + escape(entry.getKey());
        policies.put(entry.getKey(), policy(entry.getValue(), file, pointer));
      }
    }
    JsonNode defaultNode = config.get("defaultPolicy");
    Optional<SourcePolicy> defaultPolicy =
        defaultNode == null
            ? Optional.empty()
            : Optional.of(policy(defaultNode, file, "/defaultPolicy"));
    JsonNode timeoutNode = config.get("prefillTimeout");
    Optional<Duration> prefillTimeout = Optional.empty();
    if (timeoutNode != null) {
      Duration timeout = duration(timeoutNode, file, "/prefillTimeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw error(
            "304", file, "/prefillTimeout", "must be positive, e.g. \"PT3S\", but was " + timeout);
      }
      prefillTimeout = Optional.of(timeout);
    }
    return new RegistryConfig(adapters, policies, defaultPolicy, prefillTimeout);
  }

  private static RegistryAdapter adapter(
      JsonNode node,
      String file,
      String pointer,
      Function<String, @Nullable DataSource> dataSources) {
    if (!node.isObject()) {
      throw error("302", file, pointer, "an adapter must be a JSON object with a \"type\"");
    }
    JsonNode type = node.get("type");
    if (type == null || !type.isTextual()) {
      throw error(
          "303",
          file,
          pointer + "/type",
          "an adapter needs a \"type\": one of " + String.join(", ", sorted(TYPES)));
    }
    try {
      switch (type.asText()) {
        case "jdbc":
          return JdbcRegistryAdapter.fromConfig(node, file, dataSources);
        case "http-json":
          return HttpJsonRegistryAdapter.fromConfig(node, file);
        default:
          throw error(
              "303",
              file,
              pointer + "/type",
              "unknown adapter type '"
                  + type.asText()
                  + "'; use one of "
                  + String.join(", ", sorted(TYPES))
                  + ", or register your own adapter in Java");
      }
    } catch (OnceFormException e) {
      throw nested(e, file, pointer);
    }
  }

  /** Rewrites an adapter's error so its pointer is from the root of the whole file. */
  private static OnceFormException nested(OnceFormException e, String file, String pointer) {
    String message = String.valueOf(e.getMessage());
    String codePrefix = e.code() + ": ";
    if (message.startsWith(codePrefix)) {
      message = message.substring(codePrefix.length());
    }
    String filePrefix = file + "#";
    if (!message.startsWith(filePrefix) || message.startsWith(file + "#" + pointer)) {
      return e;
    }
    return new OnceFormException(
        e.code(), filePrefix + pointer + message.substring(filePrefix.length()), e);
  }

  private static SourcePolicy policy(JsonNode node, String file, String pointer) {
    if (!node.isObject()) {
      throw error(
          "304", file, pointer, "a policy must be a JSON object, e.g. {\"timeout\": \"PT2S\"}");
    }
    checkMembers(node, "304", file, pointer, POLICY_MEMBERS);
    SourcePolicy.Builder builder = SourcePolicy.builder();
    try {
      JsonNode timeout = node.get("timeout");
      if (timeout != null) {
        builder.timeout(duration(timeout, file, pointer + "/timeout"));
      }
      JsonNode open = node.get("openDuration");
      if (open != null) {
        builder.openDuration(duration(open, file, pointer + "/openDuration"));
      }
      number(node, "failureRateThreshold", file, pointer, builder::failureRateThreshold);
      number(node, "slidingWindowSize", file, pointer, builder::slidingWindowSize);
      number(node, "minimumCalls", file, pointer, builder::minimumCalls);
      number(node, "probeCalls", file, pointer, builder::probeCalls);
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw error("304", file, pointer, e.getMessage() + "; fix the policy");
    }
  }

  private static void number(
      JsonNode policy,
      String name,
      String file,
      String pointer,
      java.util.function.IntConsumer setter) {
    JsonNode value = policy.get(name);
    if (value == null) {
      return;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw error("304", file, pointer + "/" + name, "must be a whole number, but was " + value);
    }
    try {
      setter.accept(value.asInt());
    } catch (IllegalArgumentException e) {
      throw error("304", file, pointer + "/" + name, e.getMessage() + "; fix the policy");
    }
  }

  private static Duration duration(JsonNode value, String file, String pointer) {
    if (!value.isTextual()) {
      throw error("304", file, pointer, "must be an ISO-8601 duration string, e.g. \"PT2S\"");
    }
    Duration duration;
    try {
      duration = Duration.parse(value.asText());
    } catch (DateTimeParseException e) {
      throw error(
          "304",
          file,
          pointer,
          "'"
              + value.asText()
              + "' is not an ISO-8601 duration; write e.g. \"PT2S\" or \"PT500MS\"");
    }
    if (duration.isNegative() || duration.isZero()) {
      throw error("304", file, pointer, "must be positive, but was " + value.asText());
    }
    return duration;
  }

  private static void checkMembers(
      JsonNode node, String code, String file, String pointer, Set<String> allowed) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw error(
            code,
            file,
            pointer + "/" + escape(name),
            "unknown member '" + name + "'; allowed: " + String.join(", ", sorted(allowed)));
      }
    }
  }

  private static List<String> sorted(Set<String> names) {
    List<String> list = new ArrayList<>(names);
    list.sort(null);
    return list;
  }

  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  private static OnceFormException error(String code, String file, String pointer, String message) {
    return new OnceFormException(
        "OF-ADAPTER-" + code, String.format(Locale.ROOT, "%s#%s: %s", file, pointer, message));
  }
}
