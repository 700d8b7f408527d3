package dev.onceform.core.adapters;

import dev.onceform.schema.OnceFormException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An SQL text with named parameters ({@code :subjectId}) parsed into JDBC's positional {@code ?}
 * form, so that values are always bound, never concatenated.
 *
 * <p>The parser skips what is not SQL code: {@code '...'} strings (also PostgreSQL's {@code E'...'}
 * with backslash escapes), {@code "..."} identifiers, {@code $tag$...$tag$} dollar quotes, {@code
 * --} and (nested) {@code /* *}{@code /} comments, and {@code ::} casts. {@code {columns}} outside
 * those is replaced by the columns to select. A positional {@code ?} is rejected: it would be a
 * parameter without a name.
 */
final class NamedSql {
  /** The parameter names a query may use. */
  static final Set<String> PARAMETERS = Set.of("subjectId", "purpose", "formId", "correlationId");

  static final String COLUMNS = "{columns}";

  private final List<Part> parts;
  private final List<String> parameters;
  private final boolean selectsColumns;

  private NamedSql(List<Part> parts) {
    this.parts = List.copyOf(parts);
    List<String> names = new ArrayList<>();
    boolean columns = false;
    for (Part part : parts) {
      if (part.kind() == Kind.PARAMETER) {
        names.add(part.text());
      } else if (part.kind() == Kind.COLUMNS) {
        columns = true;
      }
    }
    this.parameters = List.copyOf(names);
    this.selectsColumns = columns;
  }

  /** Returns the parameter names in the order of the JDBC {@code ?} placeholders. */
  List<String> parameters() {
    return parameters;
  }

  /** Returns whether the SQL has a {@code {columns}} placeholder. */
  boolean selectsColumns() {
    return selectsColumns;
  }

  /**
   * Returns the JDBC SQL, with {@code {columns}} replaced by the given columns (checked
   * identifiers) or {@code 1} when there are none.
   */
  String jdbcSql(List<String> columns) {
    StringBuilder sql = new StringBuilder();
    for (Part part : parts) {
      switch (part.kind()) {
        case TEXT -> sql.append(part.text());
        case PARAMETER -> sql.append('?');
        case COLUMNS -> sql.append(columns.isEmpty() ? "1" : String.join(", ", columns));
      }
    }
    return sql.toString();
  }

  /**
   * Parses SQL with named parameters.
   *
   * @throws OnceFormException {@code OF-ADAPTER-112} if the SQL uses an unknown parameter, a
   *     positional {@code ?}, has no {@code :subjectId}, or leaves a quote or comment open
   */
  static NamedSql parse(String sql) {
    List<Part> parts = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      int end;
      if (c == '\'') {
        boolean backslashEscapes =
            i > 0
                && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e')
                && (i < 2 || !isIdentifierPart(sql.charAt(i - 2)));
        end = endOfQuoted(sql, i, '\'', backslashEscapes);
      } else if (c == '"') {
        end = endOfQuoted(sql, i, '"', false);
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int newline = sql.indexOf('\n', i);
        end = newline < 0 ? n : newline + 1;
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        end = endOfBlockComment(sql, i);
      } else if (c == '$' && (i == 0 || !isIdentifierPart(sql.charAt(i - 1)))) {
        end = endOfDollarQuote(sql, i);
      } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
        end = i + 2;
      } else if (c == ':' && i + 1 < n && isIdentifierStart(sql.charAt(i + 1))) {
        int nameEnd = i + 1;
        while (nameEnd < n && isIdentifierPart(sql.charAt(nameEnd))) {
          nameEnd++;
        }
        String name = sql.substring(i + 1, nameEnd);
        if (!PARAMETERS.contains(name)) {
          throw error(
              "unknown parameter ':%s' in the SQL; use :subjectId, :purpose, :formId or"
                  + " :correlationId (write '::' for a PostgreSQL cast)",
              name);
        }
        flush(text, parts);
        parts.add(new Part(Kind.PARAMETER, name));
        i = nameEnd;
        continue;
      } else if (c == '?') {
        throw error(
            "the SQL has a positional '?' at offset %d; name the parameter instead (:subjectId)",
            i);
      } else if (sql.startsWith(COLUMNS, i)) {
        flush(text, parts);
        parts.add(new Part(Kind.COLUMNS, COLUMNS));
        i += COLUMNS.length();
        continue;
      } else {
        end = i + 1;
      }
      text.append(sql, i, end);
      i = end;
    }
    flush(text, parts);
    NamedSql parsed = new NamedSql(parts);
    if (!parsed.parameters.contains("subjectId")) {
      throw error(
          "the SQL does not use :subjectId, so it would answer the same row for everyone; add"
              + " e.g. WHERE personal_id = :subjectId");
    }
    return parsed;
  }

  private static void flush(StringBuilder text, List<Part> parts) {
    if (text.length() > 0) {
      parts.add(new Part(Kind.TEXT, text.toString()));
      text.setLength(0);
    }
  }

  private static int endOfQuoted(String sql, int start, char quote, boolean backslashEscapes) {
    int i = start + 1;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (backslashEscapes && c == '\\') {
        i += 2;
        continue;
      }
      if (c == quote) {
        return i + 1; // a doubled quote is a close and a reopen: the loop sees both
      }
      i++;
    }
    throw error("the SQL has an unterminated %s starting at offset %d", "quote " + quote, start);
  }

  private static int endOfBlockComment(String sql, int start) {
    int depth = 0;
    int i = start;
    while (i + 1 < sql.length()) {
      if (sql.charAt(i) == '/' && sql.charAt(i + 1) == '*') {
        depth++;
        i += 2;
      } else if (sql.charAt(i) == '*' && sql.charAt(i + 1) == '/') {
        depth--;
        i += 2;
        if (depth == 0) {
          return i;
        }
      } else {
        i++;
      }
    }
    throw error("the SQL has an unterminated %s starting at offset %d", "comment /*", start);
  }

  /** Returns the end of a {@code $tag$...$tag$} quote, or just past a lone {@code $}. */
  private static int endOfDollarQuote(String sql, int start) {
    int i = start + 1;
    if (i < sql.length() && isIdentifierStart(sql.charAt(i))) {
      while (i < sql.length()
          && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
        i++;
      }
    }
    if (i >= sql.length() || sql.charAt(i) != '$') {
      return start + 1; // not a dollar quote ($1, or a '$' inside an identifier)
    }
    String tag = sql.substring(start, i + 1);
    int close = sql.indexOf(tag, i + 1);
    if (close < 0) {
      throw error("the SQL has an unterminated %s starting at offset %d", "quote " + tag, start);
    }
    return close + tag.length();
  }

  private static boolean isIdentifierStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  private static boolean isIdentifierPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }

  private static OnceFormException error(String format, Object... args) {
    return new OnceFormException("OF-ADAPTER-112", String.format(Locale.ROOT, format, args));
  }

  private enum Kind {
    TEXT,
    PARAMETER,
    COLUMNS
  }

  private record Part(Kind kind, String text) {}
}
