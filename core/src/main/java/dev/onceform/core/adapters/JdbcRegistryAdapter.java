package dev.onceform.core.adapters;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onceform.core.spi.RegistryAdapter;
import dev.onceform.core.spi.RegistryAnswer;
import dev.onceform.core.spi.RegistryQuery;
import dev.onceform.schema.OnceFormException;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * A registry adapter that answers with one row of an SQL query, through any {@link DataSource}.
 *
 * <p>The SQL names its parameters: {@code :subjectId} (required), {@code :purpose}, {@code
 * :formId}, {@code :correlationId}. They are bound to a {@link java.sql.PreparedStatement}, never
 * concatenated. If the SQL has a {@code {columns}} placeholder, only the columns of the attributes
 * a query asks for are selected; in any case only those attributes are answered.
 *
 * <pre>{@code
 * JdbcRegistryAdapter population = JdbcRegistryAdapter.builder()
 *     .id("population-db").source("population").version("2026.1")
 *     .dataSource(dataSource)
 *     .sql("SELECT {columns} FROM citizen WHERE personal_id = :subjectId")
 *     .column("fullName", "full_name")
 *     .column("birthDate", "birth_date")
 *     .build();
 * }</pre>
 *
 * <p>Answers: one row is {@code FOUND} (SQL {@code NULL} columns are left out); no row is {@code
 * NOT_FOUND}; more than one row is {@code BAD_DATA} ("ambiguous"); an SQL error or timeout is
 * {@code UNAVAILABLE} with the SQLState, never the subject's number. Values: text in Unicode NFC,
 * {@code DATE} as {@code yyyy-MM-dd}, numbers and booleans as JSON numbers and booleans.
 *
 * <p>The query timeout is the time left until {@link RegistryQuery#deadline()}, rounded up to whole
 * seconds. The blocking JDBC call runs on the {@link Builder#executor executor} given, or else on a
 * bounded pool owned by the adapter (threads start on demand and stop when idle); {@link #close()}
 * shuts that pool down.
 *
 * <p>Immutable and thread-safe after {@link Builder#build()}.
 */
public final class JdbcRegistryAdapter implements RegistryAdapter, AutoCloseable {
  private static final Pattern COLUMN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final String id;
  private final String source;
  private final String version;
  private final Map<String, String> columns;
  private final Executor executor;
  private final @Nullable ExecutorService ownedPool;
  private final JdbcLookup lookup;

  private JdbcRegistryAdapter(Builder builder, DataSource dataSource, String sql) {
    this.id = builder.id;
    this.source = builder.source;
    this.version = builder.version;
    this.columns = Collections.unmodifiableMap(new LinkedHashMap<>(builder.columns));
    NamedSql parsed = NamedSql.parse(sql);
    this.lookup =
        new JdbcLookup(
            id, dataSource, parsed, columns, builder.recordReferenceColumn, builder.clock);
    if (builder.executor != null) {
      this.executor = builder.executor;
      this.ownedPool = null;
    } else {
      ThreadPoolExecutor pool = newPool(id, builder.maxConcurrency);
      this.executor = pool;
      this.ownedPool = pool;
    }
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Creates an adapter from its JSON configuration, taking a named data source from the
   * application. See {@code docs/jdbc-adapter.md} for the format.
   *
   * @param config the adapter's JSON object
   * @param file where the configuration came from, for error messages
   * @param dataSources the application's data sources by name, for {@code "dataSource": "name"};
   *     returns {@code null} for an unknown name
   * @throws OnceFormException {@code OF-ADAPTER-111} to {@code OF-ADAPTER-114}, naming the file and
   *     the JSON Pointer of the member at fault
   */
  public static JdbcRegistryAdapter fromConfig(
      JsonNode config, String file, Function<String, @Nullable DataSource> dataSources) {
    return JdbcAdapterConfig.read(config, file, dataSources, System::getenv);
  }

  /**
   * Creates an adapter from a JSON configuration that gives its own {@code url}, {@code user} and
   * {@code passwordEnv} (no named data sources).
   *
   * @param config the adapter's JSON object
   * @param file where the configuration came from, for error messages
   * @throws OnceFormException {@code OF-ADAPTER-111} to {@code OF-ADAPTER-114}, naming the file and
   *     the JSON Pointer of the member at fault
   */
  public static JdbcRegistryAdapter fromConfig(JsonNode config, String file) {
    return fromConfig(config, file, name -> null);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String source() {
    return source;
  }

  /** Returns the mapped attributes, in the order they were added. */
  @Override
  public Set<String> attributes() {
    return columns.keySet();
  }

  @Override
  public String version() {
    return version;
  }

  /**
   * Runs the query on the executor. A full pool answers {@code UNAVAILABLE} at once.
   *
   * @param query the person, the attributes and the deadline
   * @return a stage that completes with the answer; it never completes exceptionally
   */
  @Override
  public CompletionStage<RegistryAnswer> fetch(RegistryQuery query) {
    requireNonNull(query, "query");
    try {
      return CompletableFuture.supplyAsync(() -> lookup.run(query), executor);
    } catch (RejectedExecutionException e) {
      return CompletableFuture.completedFuture(
          RegistryAnswer.failed(
              RegistryAnswer.Status.UNAVAILABLE,
              "adapter '" + id + "': too many queries waiting; the query was not run"));
    }
  }

  /** Shuts down the adapter's own pool, if it has one; an executor given to it is left alone. */
  @Override
  public void close() {
    if (ownedPool != null) {
      ownedPool.shutdown();
    }
  }

  @Override
  public String toString() {
    return "JdbcRegistryAdapter[id="
        + id
        + ", source="
        + source
        + ", attributes="
        + attributes()
        + "]";
  }

  private static ThreadPoolExecutor newPool(String id, int threads) {
    AtomicInteger count = new AtomicInteger();
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(threads * 64),
            task -> {
              Thread thread =
                  new Thread(task, "onceform-jdbc-" + id + "-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  /**
   * Builds a {@link JdbcRegistryAdapter}; {@code id}, {@code source}, the data source, the SQL and
   * at least one column are required.
   */
  public static final class Builder {
    private String id = "";
    private String source = "";
    private String version = "unversioned";
    private @Nullable DataSource dataSource;
    private @Nullable String sql;
    private final Map<String, String> columns = new LinkedHashMap<>();
    private Optional<String> recordReferenceColumn = Optional.empty();
    private @Nullable Executor executor;
    private int maxConcurrency = 4;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** Sets the adapter's id, used in provenance and messages, e.g. {@code population-db}. */
    public Builder id(String id) {
      this.id = nonBlank(id, "id");
      return this;
    }

    /** Sets the source id it answers for, e.g. {@code population}. */
    public Builder source(String source) {
      this.source = nonBlank(source, "source");
      return this;
    }

    /** Sets the version recorded in provenance (default {@code unversioned}). */
    public Builder version(String version) {
      this.version = nonBlank(version, "version");
      return this;
    }

    /** Sets where connections come from; each query takes one and closes it. */
    public Builder dataSource(DataSource dataSource) {
      this.dataSource = requireNonNull(dataSource, "dataSource");
      return this;
    }

    /**
     * Sets the SQL, with named parameters ({@code :subjectId} required; {@code :purpose}, {@code
     * :formId}, {@code :correlationId} optional) and optionally a {@code {columns}} placeholder.
     */
    public Builder sql(String sql) {
      this.sql = nonBlank(sql, "sql");
      return this;
    }

    /**
     * Maps an attribute to a result column (a plain SQL identifier, matched case-insensitively).
     */
    public Builder column(String attribute, String column) {
      nonBlank(attribute, "attribute");
      requireNonNull(column, "column");
      if (!COLUMN.matcher(column).matches()) {
        throw new IllegalArgumentException(
            "column for attribute '"
                + attribute
                + "' must be a plain SQL identifier"
                + " ([A-Za-z_][A-Za-z0-9_]*; alias it in the SQL), but was '"
                + column
                + "'");
      }
      columns.put(attribute, column);
      return this;
    }

    /** Maps each attribute (key) to a result column (value); see {@link #column}. */
    public Builder columns(Map<String, String> attributeToColumn) {
      attributeToColumn.forEach(this::column);
      return this;
    }

    /** Sets a column that holds the registry's record reference (default: the adapter's id). */
    public Builder recordReferenceColumn(String column) {
      requireNonNull(column, "column");
      if (!COLUMN.matcher(column).matches()) {
        throw new IllegalArgumentException(
            "recordReferenceColumn must be a plain SQL identifier, but was '" + column + "'");
      }
      this.recordReferenceColumn = Optional.of(column);
      return this;
    }

    /** Runs the blocking JDBC calls on this executor instead of the adapter's own pool. */
    public Builder executor(Executor executor) {
      this.executor = requireNonNull(executor, "executor");
      return this;
    }

    /** Sets the size of the adapter's own pool (default 4); ignored with {@link #executor}. */
    public Builder maxConcurrency(int maxConcurrency) {
      if (maxConcurrency < 1 || maxConcurrency > 256) {
        throw new IllegalArgumentException(
            "maxConcurrency must be between 1 and 256, but was " + maxConcurrency);
      }
      this.maxConcurrency = maxConcurrency;
      return this;
    }

    /** Sets the clock the deadline is measured with (default: the system clock). */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the adapter.
     *
     * @throws IllegalStateException if id, source, data source, SQL or columns are missing
     * @throws OnceFormException {@code OF-ADAPTER-112} if the SQL's parameters are wrong
     */
    public JdbcRegistryAdapter build() {
      if (id.isEmpty() || source.isEmpty()) {
        throw new IllegalStateException("id and source are required; call id(...) and source(...)");
      }
      if (dataSource == null || sql == null) {
        throw new IllegalStateException("adapter '" + id + "' needs dataSource(...) and sql(...)");
      }
      if (columns.isEmpty()) {
        throw new IllegalStateException(
            "adapter '" + id + "' maps no attribute; call column(attribute, column)");
      }
      return new JdbcRegistryAdapter(this, dataSource, sql);
    }

    private static String nonBlank(String value, String name) {
      requireNonNull(value, name);
      if (value.isBlank()) {
        throw new IllegalArgumentException(name + " must not be blank, but was '" + value + "'");
      }
      return value;
    }
  }
}
