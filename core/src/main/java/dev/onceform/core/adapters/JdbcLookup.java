package dev.onceform.core.adapters;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onceform.core.spi.RegistryAnswer;
import dev.onceform.core.spi.RegistryAnswer.Status;
import dev.onceform.core.spi.RegistryQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** Runs one adapter's query for one {@link RegistryQuery}, blocking, and maps the row. */
final class JdbcLookup {
  private final String adapterId;
  private final DataSource dataSource;
  private final NamedSql sql;
  private final Map<String, String> columns;
  private final Optional<String> referenceColumn;
  private final Clock clock;
  private final String fixedSql;

  JdbcLookup(
      String adapterId,
      DataSource dataSource,
      NamedSql sql,
      Map<String, String> columns,
      Optional<String> referenceColumn,
      Clock clock) {
    this.adapterId = adapterId;
    this.dataSource = dataSource;
    this.sql = sql;
    this.columns = columns;
    this.referenceColumn = referenceColumn;
    this.clock = clock;
    this.fixedSql = sql.jdbcSql(List.of());
  }

  /** Returns the answer; never throws. */
  RegistryAnswer run(RegistryQuery query) {
    Map<String, String> wanted = new LinkedHashMap<>();
    columns.forEach(
        (attribute, column) -> {
          if (query.attributes().contains(attribute)) {
            wanted.put(attribute, column);
          }
        });
    long millisLeft = Duration.between(clock.instant(), query.deadline()).toMillis();
    if (millisLeft <= 0) {
      return failed(Status.UNAVAILABLE, "the deadline passed before the query could start");
    }
    int timeoutSeconds = (int) Math.min(Integer.MAX_VALUE, (millisLeft + 999) / 1000);
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(jdbcSql(wanted))) {
      statement.setQueryTimeout(timeoutSeconds);
      statement.setFetchSize(2);
      statement.setMaxRows(2);
      List<String> parameters = sql.parameters();
      for (int i = 0; i < parameters.size(); i++) {
        statement.setString(i + 1, parameterValue(parameters.get(i), query));
      }
      try (ResultSet rows = statement.executeQuery()) {
        return answer(rows, wanted);
      }
    } catch (SQLTimeoutException e) {
      return failed(
          Status.UNAVAILABLE,
          String.format(
              Locale.ROOT,
              "the query timed out after %d s (SQLState %s)",
              timeoutSeconds,
              e.getSQLState()));
    } catch (SQLException e) {
      return failed(
          Status.UNAVAILABLE,
          String.format(
              Locale.ROOT,
              "the query failed with SQLState %s (%s, vendor code %d)",
              e.getSQLState(),
              e.getClass().getSimpleName(),
              e.getErrorCode()));
    } catch (SqlJson.UnsupportedValueException e) {
      return failed(Status.BAD_DATA, String.valueOf(e.getMessage()));
    } catch (RuntimeException e) {
      return failed(Status.UNAVAILABLE, "the query failed with " + e.getClass().getName());
    }
  }

  private String jdbcSql(Map<String, String> wanted) {
    if (!sql.selectsColumns()) {
      return fixedSql;
    }
    List<String> selected = new ArrayList<>();
    for (String column : wanted.values()) {
      if (!selected.contains(column)) {
        selected.add(column);
      }
    }
    referenceColumn.ifPresent(
        column -> {
          if (!selected.contains(column)) {
            selected.add(column);
          }
        });
    return sql.jdbcSql(selected);
  }

  private RegistryAnswer answer(ResultSet rows, Map<String, String> wanted) throws SQLException {
    if (!rows.next()) {
      return RegistryAnswer.notFound();
    }
    ResultSetMetaData meta = rows.getMetaData();
    Map<String, Integer> indexes = new HashMap<>();
    for (int i = meta.getColumnCount(); i >= 1; i--) {
      indexes.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), i);
    }
    Map<String, JsonNode> values = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : wanted.entrySet()) {
      Integer index = indexes.get(entry.getValue().toLowerCase(Locale.ROOT));
      if (index == null) {
        return failed(
            Status.BAD_DATA,
            "the result has no column '"
                + entry.getValue()
                + "' for attribute '"
                + entry.getKey()
                + "'; select it in the SQL");
      }
      SqlJson.read(rows, index, meta.getColumnType(index), entry.getValue())
          .ifPresent(value -> values.put(entry.getKey(), value));
    }
    String reference = adapterId;
    if (referenceColumn.isPresent()) {
      Integer index = indexes.get(referenceColumn.get().toLowerCase(Locale.ROOT));
      if (index == null) {
        return failed(
            Status.BAD_DATA,
            "the result has no record reference column '" + referenceColumn.get() + "'");
      }
      String value = rows.getString(index);
      if (value != null && !value.isBlank()) {
        reference = value.strip();
      }
    }
    if (rows.next()) {
      return failed(Status.BAD_DATA, "ambiguous: the query returned more than one row");
    }
    return RegistryAnswer.found(reference, values);
  }

  private static String parameterValue(String name, RegistryQuery query) {
    return switch (name) {
      case "subjectId" -> query.subjectId();
      case "purpose" -> query.purpose().code();
      case "formId" -> query.formId();
      case "correlationId" -> query.correlationId();
      default -> throw new IllegalStateException("unknown parameter " + name);
    };
  }

  private RegistryAnswer failed(Status status, String detail) {
    return RegistryAnswer.failed(status, "adapter '" + adapterId + "': " + detail);
  }
}
