package dev.onceform.core.adapters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.sql.JDBCType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads one column of the current row as a JSON value: text in Unicode NFC, {@code DATE} as ISO
 * {@code yyyy-MM-dd}, timestamps as ISO-8601, numbers and booleans as such; SQL {@code NULL} is no
 * value.
 */
final class SqlJson {
  private SqlJson() {}

  /**
   * Returns the column's value, or empty for SQL {@code NULL}.
   *
   * @throws UnsupportedValueException for a type with no JSON form (binary, arrays, structs) or a
   *     non-finite floating-point number
   */
  static Optional<JsonNode> read(ResultSet rows, int column, int sqlType, String label)
      throws SQLException {
    return Optional.ofNullable(value(rows, column, sqlType, label));
  }

  private static @Nullable JsonNode value(ResultSet rows, int column, int sqlType, String label)
      throws SQLException {
    switch (sqlType) {
      case Types.CHAR, Types.NCHAR:
        return text(stripTrailingSpaces(rows.getString(column)));
      case Types.VARCHAR,
      Types.NVARCHAR,
      Types.LONGVARCHAR,
      Types.LONGNVARCHAR,
      Types.CLOB,
      Types.NCLOB,
      Types.OTHER:
        return text(rows.getString(column));
      case Types.DATE:
        return iso(rows.getObject(column, LocalDate.class));
      case Types.TIMESTAMP:
        return iso(rows.getObject(column, LocalDateTime.class));
      case Types.TIMESTAMP_WITH_TIMEZONE:
        return iso(rows.getObject(column, OffsetDateTime.class));
      case Types.TIME:
        return iso(rows.getObject(column, LocalTime.class));
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT:
        {
          long number = rows.getLong(column);
          return rows.wasNull() ? null : LongNode.valueOf(number);
        }
      case Types.NUMERIC, Types.DECIMAL:
        {
          BigDecimal number = rows.getBigDecimal(column);
          return number == null ? null : DecimalNode.valueOf(number);
        }
      case Types.REAL, Types.FLOAT, Types.DOUBLE:
        {
          double number = rows.getDouble(column);
          if (rows.wasNull()) {
            return null;
          }
          if (!Double.isFinite(number)) {
            throw new UnsupportedValueException(
                "column '" + label + "' holds a non-finite number, which JSON cannot carry");
          }
          return DoubleNode.valueOf(number);
        }
      case Types.BOOLEAN, Types.BIT:
        {
          boolean flag = rows.getBoolean(column);
          return rows.wasNull() ? null : BooleanNode.valueOf(flag);
        }
      default:
        throw new UnsupportedValueException(
            String.format(
                Locale.ROOT,
                "column '%s' has SQL type %s, which has no JSON form; cast it to text, a number"
                    + " or a date in the SQL",
                label,
                typeName(sqlType)));
    }
  }

  private static @Nullable JsonNode iso(@Nullable Object temporal) {
    return temporal == null ? null : TextNode.valueOf(temporal.toString());
  }

  private static @Nullable JsonNode text(@Nullable String value) {
    return value == null
        ? null
        : TextNode.valueOf(Normalizer.normalize(value, Normalizer.Form.NFC));
  }

  private static @Nullable String stripTrailingSpaces(@Nullable String value) {
    return value == null ? null : value.stripTrailing();
  }

  private static String typeName(int sqlType) {
    try {
      return JDBCType.valueOf(sqlType).getName();
    } catch (IllegalArgumentException e) {
      return Integer.toString(sqlType);
    }
  }

  /** A column value that cannot be given as JSON; the answer is {@code BAD_DATA}. */
  static final class UnsupportedValueException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnsupportedValueException(String message) {
      super(message);
    }
  }
}
