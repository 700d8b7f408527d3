package dev.onceform.core.adapters;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onceform.core.adapters.HttpJsonRegistryAdapter.Method;
import dev.onceform.schema.OnceFormException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/** Reads {@link HttpJsonRegistryAdapter}'s JSON configuration. */
final class HttpJsonConfig {
  static final String MISSING = "OF-ADAPTER-201";
  static final String INVALID = "OF-ADAPTER-202";
  static final String NO_SECRET = "OF-ADAPTER-203";
  static final String BAD_STORE = "OF-ADAPTER-204";

  private static final Set<String> MEMBERS =
      Set.of(
          "type",
          "id",
          "source",
          "version",
          "url",
          "method",
          "body",
          "headers",
          "attributes",
          "recordReference",
          "maxResponseBytes",
          "connectTimeout",
          "tokenTimeout",
          "tls",
          "oauth2");
  private static final Set<String> TLS_MEMBERS =
      Set.of("keyStore", "keyStorePasswordEnv", "trustStore", "trustStorePasswordEnv");
  private static final Set<String> OAUTH2_MEMBERS =
      Set.of("tokenUrl", "clientId", "clientSecretEnv", "scope");

  private final String file;
  private final UnaryOperator<@Nullable String> env;

  private HttpJsonConfig(String file, UnaryOperator<@Nullable String> env) {
    this.file = file;
    this.env = env;
  }

  /**
   * Builds an adapter from a configuration object.
   *
   * @param env looks up environment variables ({@code System::getenv}; tests pass a map)
   */
  static HttpJsonRegistryAdapter read(
      JsonNode config, String file, UnaryOperator<@Nullable String> env) {
    return new HttpJsonConfig(file, env).adapter(config);
  }

  private HttpJsonRegistryAdapter adapter(JsonNode config) {
    requireObject(config, "");
    checkMembers(config, "", MEMBERS);
    JsonNode type = config.get("type");
    if (type != null && !"http-json".equals(type.asText())) {
      throw invalid("/type", "must be \"http-json\" for this adapter");
    }
    HttpJsonRegistryAdapter.Builder builder = HttpJsonRegistryAdapter.builder();
    apply("/id", () -> builder.id(text(config, "id")));
    apply("/source", () -> builder.source(text(config, "source")));
    optionalText(config, "version").ifPresent(v -> apply("/version", () -> builder.version(v)));
    apply("/url", () -> builder.url(text(config, "url")));
    optionalText(config, "method")
        .ifPresent(
            m -> {
              try {
                builder.method(Method.valueOf(m.toUpperCase(Locale.ROOT)));
              } catch (IllegalArgumentException e) {
                throw invalid("/method", "must be \"GET\" or \"POST\", but was \"" + m + "\"");
              }
            });
    JsonNode body = config.get("body");
    if (body != null) {
      apply("/body", () -> builder.body(body));
    }
    headers(config, builder);
    attributes(config, builder);
    optionalText(config, "recordReference")
        .ifPresent(p -> apply("/recordReference", () -> builder.recordReference(p)));
    JsonNode max = config.get("maxResponseBytes");
    if (max != null) {
      if (!max.canConvertToLong() || !max.isIntegralNumber()) {
        throw missing("/maxResponseBytes", "must be a whole number of bytes, e.g. 1048576");
      }
      apply("/maxResponseBytes", () -> builder.maxResponseBytes(max.asLong()));
    }
    duration(config, "connectTimeout")
        .ifPresent(d -> apply("/connectTimeout", () -> builder.connectTimeout(d)));
    duration(config, "tokenTimeout")
        .ifPresent(d -> apply("/tokenTimeout", () -> builder.tokenTimeout(d)));
    JsonNode tls = config.get("tls");
    if (tls != null) {
      builder.sslContext(tls(tls));
    }
    JsonNode oauth2 = config.get("oauth2");
    if (oauth2 != null) {
      builder.oauth2(oauth2(oauth2));
    }
    try {
      return builder.build();
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw new OnceFormException(
          INVALID, file + "#: " + e.getMessage() + "; fix the configuration", e);
    }
  }

  private void headers(JsonNode config, HttpJsonRegistryAdapter.Builder builder) {
    JsonNode headers = config.get("headers");
    if (headers == null) {
      return;
    }
    requireObject(headers, "/headers");
    for (Map.Entry<String, JsonNode> header : headers.properties()) {
      String pointer = "/headers/" + escape(header.getKey());
      JsonNode value = header.getValue();
      String text;
      if (value.isTextual()) {
        text = value.asText();
      } else if (value.isObject() && value.size() == 1 && value.path("env").isTextual()) {
        text = secret(value.get("env").asText(), pointer + "/env");
      } else {
        throw missing(pointer, "must be a string or {\"env\": \"VARIABLE\"}");
      }
      apply(pointer, () -> builder.header(header.getKey(), text));
    }
  }

  private void attributes(JsonNode config, HttpJsonRegistryAdapter.Builder builder) {
    JsonNode attributes = config.get("attributes");
    if (attributes == null) {
      throw missing("/attributes", "is required: an object of attribute name to JSON Pointer");
    }
    requireObject(attributes, "/attributes");
    if (attributes.isEmpty()) {
      throw missing("/attributes", "must map at least one attribute to a JSON Pointer");
    }
    for (Map.Entry<String, JsonNode> attribute : attributes.properties()) {
      String pointer = "/attributes/" + escape(attribute.getKey());
      if (!attribute.getValue().isTextual()) {
        throw missing(pointer, "must be a JSON Pointer string such as \"/hoTen\"");
      }
      apply(pointer, () -> builder.attribute(attribute.getKey(), attribute.getValue().asText()));
    }
  }

  private SSLContext tls(JsonNode tls) {
    requireObject(tls, "/tls");
    checkMembers(tls, "/tls", TLS_MEMBERS);
    Optional<KeyStores.Store> keyStore = store(tls, "keyStore");
    Optional<KeyStores.Store> trustStore = store(tls, "trustStore");
    if (keyStore.isEmpty() && trustStore.isEmpty()) {
      throw missing("/tls", "needs keyStore and/or trustStore (PKCS#12 files)");
    }
    try {
      return KeyStores.sslContext(keyStore, trustStore);
    } catch (KeyStores.StoreException e) {
      throw new OnceFormException(
          BAD_STORE,
          file + "#/tls: " + e.getMessage() + "; check the file and its password variable",
          e);
    }
  }

  private Optional<KeyStores.Store> store(JsonNode tls, String name) {
    Optional<String> path = optionalText(tls, name, "/tls/" + name);
    if (path.isEmpty()) {
      if (tls.has(name + "PasswordEnv")) {
        throw missing("/tls/" + name, "is required when " + name + "PasswordEnv is given");
      }
      return Optional.empty();
    }
    String variable =
        optionalText(tls, name + "PasswordEnv", "/tls/" + name + "PasswordEnv")
            .orElseThrow(
                () ->
                    missing(
                        "/tls/" + name + "PasswordEnv",
                        "is required: the environment variable holding the password of " + name));
    char[] password = secret(variable, "/tls/" + name + "PasswordEnv").toCharArray();
    return Optional.of(new KeyStores.Store(resolve(path.get()), password));
  }

  private Path resolve(String path) {
    Path p = Path.of(path);
    Path dir = Path.of(file).toAbsolutePath().getParent();
    return p.isAbsolute() || dir == null ? p : dir.resolve(p);
  }

  private OAuth2ClientCredentials oauth2(JsonNode oauth2) {
    requireObject(oauth2, "/oauth2");
    checkMembers(oauth2, "/oauth2", OAUTH2_MEMBERS);
    String tokenUrl = requiredText(oauth2, "tokenUrl", "/oauth2/tokenUrl");
    String clientId = requiredText(oauth2, "clientId", "/oauth2/clientId");
    String secretEnv = requiredText(oauth2, "clientSecretEnv", "/oauth2/clientSecretEnv");
    Optional<String> scope = optionalText(oauth2, "scope", "/oauth2/scope");
    String secret = secret(secretEnv, "/oauth2/clientSecretEnv");
    try {
      return new OAuth2ClientCredentials(URI.create(tokenUrl), clientId, secret, scope);
    } catch (IllegalArgumentException e) {
      throw invalid("/oauth2", e.getMessage());
    }
  }

  private String secret(String variable, String pointer) {
    String value = env.apply(variable);
    if (value == null || value.isEmpty()) {
      throw new OnceFormException(
          NO_SECRET,
          file
              + "#"
              + pointer
              + ": environment variable "
              + variable
              + " is not set or empty; set it before starting the application");
    }
    return value;
  }

  private Optional<Duration> duration(JsonNode config, String name) {
    return optionalText(config, name, "/" + name)
        .map(
            text -> {
              try {
                return Duration.parse(text);
              } catch (DateTimeParseException e) {
                throw invalid(
                    "/" + name,
                    "must be an ISO-8601 duration like \"PT5S\", but was \"" + text + "\"");
              }
            });
  }

  private void apply(String pointer, Runnable setter) {
    try {
      setter.run();
    } catch (IllegalArgumentException e) {
      throw invalid(pointer, e.getMessage());
    }
  }

  private String text(JsonNode config, String name) {
    return requiredText(config, name, "/" + name);
  }

  private String requiredText(JsonNode node, String name, String pointer) {
    return optionalText(node, name, pointer)
        .orElseThrow(() -> missing(pointer, "is required (a string)"));
  }

  private Optional<String> optionalText(JsonNode node, String name) {
    return optionalText(node, name, "/" + name);
  }

  private Optional<String> optionalText(JsonNode node, String name, String pointer) {
    JsonNode value = node.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw missing(
          pointer,
          "must be a string, but is " + value.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    return Optional.of(value.asText());
  }

  private void requireObject(JsonNode node, String pointer) {
    if (!node.isObject()) {
      throw missing(pointer, "must be a JSON object");
    }
  }

  private void checkMembers(JsonNode node, String pointer, Set<String> allowed) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw invalid(
            pointer + "/" + escape(name),
            "unknown member; expected one of " + allowed.stream().sorted().toList());
      }
    }
  }

  private OnceFormException missing(String pointer, String problem) {
    return new OnceFormException(MISSING, file + "#" + pointer + ": " + problem);
  }

  private OnceFormException invalid(String pointer, @Nullable String problem) {
    return new OnceFormException(INVALID, file + "#" + pointer + ": " + problem);
  }

  private static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }
}
