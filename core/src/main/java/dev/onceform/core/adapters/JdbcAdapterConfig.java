package dev.onceform.core.adapters;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onceform.schema.OnceFormException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/** Reads a {@link JdbcRegistryAdapter} from its JSON configuration. */
final class JdbcAdapterConfig {
  private static final Set<String> MEMBERS =
      Set.of(
          "type",
          "id",
          "source",
          "version",
          "sql",
          "columns",
          "recordReferenceColumn",
          "maxConcurrency",
          "dataSource",
          "url",
          "user",
          "passwordEnv");

  private final JsonNode config;
  private final String file;

  private JdbcAdapterConfig(JsonNode config, String file) {
    this.config = config;
    this.file = file;
  }

  static JdbcRegistryAdapter read(
      JsonNode config,
      String file,
      Function<String, @Nullable DataSource> dataSources,
      Function<String, @Nullable String> environment) {
    return new JdbcAdapterConfig(config, file).read(dataSources, environment);
  }

  private JdbcRegistryAdapter read(
      Function<String, @Nullable DataSource> dataSources,
      Function<String, @Nullable String> environment) {
    if (!config.isObject()) {
      throw error("111", "", "the JDBC adapter configuration must be a JSON object");
    }
    for (Iterator<String> names = config.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (name.equals("password")) {
        throw error(
            "114",
            "/password",
            "a password must never be in the configuration file; put it in an environment"
                + " variable and name that variable in \"passwordEnv\"");
      }
      if (!MEMBERS.contains(name)) {
        throw error("111", "/" + escape(name), "unknown member; expected one of " + MEMBERS);
      }
    }
    JdbcRegistryAdapter.Builder builder =
        JdbcRegistryAdapter.builder()
            .id(requiredText("id"))
            .source(requiredText("source"))
            .dataSource(dataSource(dataSources, environment));
    optionalText("version").ifPresent(builder::version);
    columns(builder);
    optionalText("recordReferenceColumn")
        .ifPresent(
            column ->
                apply(
                    "113", "/recordReferenceColumn", () -> builder.recordReferenceColumn(column)));
    JsonNode concurrency = config.get("maxConcurrency");
    if (concurrency != null) {
      if (!concurrency.canConvertToInt() || !concurrency.isIntegralNumber()) {
        throw error("111", "/maxConcurrency", "must be an integer");
      }
      apply("111", "/maxConcurrency", () -> builder.maxConcurrency(concurrency.intValue()));
    }
    String sql = requiredText("sql");
    builder.sql(sql);
    try {
      return builder.build();
    } catch (OnceFormException e) {
      throw error(e.code().substring("OF-ADAPTER-".length()), "/sql", withoutCode(e));
    }
  }

  private void columns(JdbcRegistryAdapter.Builder builder) {
    JsonNode columns = config.get("columns");
    if (columns == null || !columns.isObject() || columns.isEmpty()) {
      throw error(
          "113",
          "/columns",
          "\"columns\" must be a non-empty object mapping attribute names to result columns,"
              + " e.g. {\"fullName\": \"full_name\"}");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = columns.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String pointer = "/columns/" + escape(entry.getKey());
      if (!entry.getValue().isTextual()) {
        throw error("113", pointer, "must be a column name (a string)");
      }
      apply("113", pointer, () -> builder.column(entry.getKey(), entry.getValue().textValue()));
    }
  }

  private DataSource dataSource(
      Function<String, @Nullable DataSource> dataSources,
      Function<String, @Nullable String> environment) {
    Optional<String> name = optionalText("dataSource");
    Optional<String> url = optionalText("url");
    if (name.isPresent() == url.isPresent()) {
      throw error(
          "114",
          "",
          "give either \"dataSource\" (the name of a data source the application supplies) or"
              + " \"url\" (a JDBC URL, with \"user\" and \"passwordEnv\"), not "
              + (name.isPresent() ? "both" : "neither"));
    }
    if (name.isPresent()) {
      if (config.has("user") || config.has("passwordEnv")) {
        throw error(
            "114", "/user", "\"user\" and \"passwordEnv\" go with \"url\", not \"dataSource\"");
      }
      DataSource found = dataSources.apply(name.get());
      if (found == null) {
        throw error(
            "114",
            "/dataSource",
            "the application supplies no data source named '"
                + name.get()
                + "'; register it with the loader, or give \"url\" instead");
      }
      return found;
    }
    if (!url.get().startsWith("jdbc:")) {
      throw error("114", "/url", "a JDBC URL starts with 'jdbc:', e.g. jdbc:postgresql://host/db");
    }
    Optional<String> password = Optional.empty();
    Optional<String> variable = optionalText("passwordEnv");
    if (variable.isPresent()) {
      String value = environment.apply(variable.get());
      if (value == null || value.isEmpty()) {
        throw error(
            "114",
            "/passwordEnv",
            "the environment variable '" + variable.get() + "' is not set; set it to the password");
      }
      password = Optional.of(value);
    }
    return new DriverManagerDataSource(url.get(), optionalText("user"), password);
  }

  private String requiredText(String member) {
    return optionalText(member)
        .orElseThrow(
            () -> error("111", "/" + member, "required member \"" + member + "\" is missing"));
  }

  private Optional<String> optionalText(String member) {
    JsonNode node = config.get(member);
    if (node == null) {
      return Optional.empty();
    }
    if (!node.isTextual() || node.textValue().isBlank()) {
      throw error("111", "/" + member, "\"" + member + "\" must be a non-blank string");
    }
    return Optional.of(node.textValue());
  }

  private void apply(String code, String pointer, Runnable setter) {
    try {
      setter.run();
    } catch (IllegalArgumentException e) {
      throw error(code, pointer, String.valueOf(e.getMessage()));
    }
  }

  private OnceFormException error(String code, String pointer, String message) {
    return new OnceFormException(
        "OF-ADAPTER-" + code, String.format(Locale.ROOT, "%s#%s: %s", file, pointer, message));
  }

  private static String withoutCode(OnceFormException e) {
    String message = String.valueOf(e.getMessage());
    String prefix = e.code() + ": ";
    return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
  }

  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
