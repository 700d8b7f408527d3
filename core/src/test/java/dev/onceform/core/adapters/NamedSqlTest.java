package dev.onceform.core.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onceform.schema.OnceFormException;
import java.util.List;
import org.junit.jupiter.api.Test;

class NamedSqlTest {

  @Test
  void parse_namedParameters_becomePositionalInOrder() {
    NamedSql sql =
        NamedSql.parse(
            "SELECT a FROM t WHERE id = :subjectId AND p = :purpose AND f = :formId OR id2 ="
                + " :subjectId");

    assertThat(sql.jdbcSql(List.of()))
        .isEqualTo("SELECT a FROM t WHERE id = ? AND p = ? AND f = ? OR id2 = ?");
    assertThat(sql.parameters()).containsExactly("subjectId", "purpose", "formId", "subjectId");
  }

  @Test
  void parse_colonsInQuotesCommentsAndCasts_leftAlone() {
    String text =
        "SELECT ':purpose', \"col:formId\", E'it\\'s :formId', $$ :purpose $$, $tag$ :x $tag$"
            + " /* :formId /* nested :x */ */ FROM t -- :purpose\n"
            + "WHERE id = :subjectId::varchar AND n = 'it''s :formId' AND a[1:2] = 1";

    NamedSql sql = NamedSql.parse(text);

    assertThat(sql.parameters()).containsExactly("subjectId");
    assertThat(sql.jdbcSql(List.of())).isEqualTo(text.replace(":subjectId::", "?::"));
  }

  @Test
  void parse_columnsPlaceholder_replacedByColumnsOrOne() {
    NamedSql sql = NamedSql.parse("SELECT {columns} FROM t WHERE id = :subjectId");

    assertThat(sql.selectsColumns()).isTrue();
    assertThat(sql.jdbcSql(List.of("full_name", "birth_date")))
        .isEqualTo("SELECT full_name, birth_date FROM t WHERE id = ?");
    assertThat(sql.jdbcSql(List.of())).isEqualTo("SELECT 1 FROM t WHERE id = ?");
  }

  @Test
  void parse_columnsPlaceholderInsideString_isText() {
    NamedSql sql = NamedSql.parse("SELECT '{columns}' AS a FROM t WHERE id = :subjectId");

    assertThat(sql.selectsColumns()).isFalse();
  }

  @Test
  void parse_unknownParameter_rejected() {
    assertThatThrownBy(() -> NamedSql.parse("SELECT a FROM t WHERE id = :subjectId AND x = :name"))
        .isInstanceOf(OnceFormException.class)
        .hasMessageContaining("OF-ADAPTER-112")
        .hasMessageContaining(":name");
  }

  @Test
  void parse_positionalParameter_rejected() {
    assertThatThrownBy(() -> NamedSql.parse("SELECT a FROM t WHERE id = ?"))
        .isInstanceOf(OnceFormException.class)
        .hasMessageContaining("positional '?'");
  }

  @Test
  void parse_withoutSubjectId_rejected() {
    assertThatThrownBy(() -> NamedSql.parse("SELECT a FROM t WHERE p = :purpose"))
        .isInstanceOf(OnceFormException.class)
        .hasMessageContaining(":subjectId");
  }

  @Test
  void parse_unterminatedQuoteOrComment_rejected() {
    assertThatThrownBy(() -> NamedSql.parse("SELECT 'a FROM t WHERE id = :subjectId"))
        .hasMessageContaining("unterminated");
    assertThatThrownBy(() -> NamedSql.parse("SELECT a /* FROM t WHERE id = :subjectId"))
        .hasMessageContaining("unterminated");
    assertThatThrownBy(() -> NamedSql.parse("SELECT $q$ a FROM t WHERE id = :subjectId"))
        .hasMessageContaining("unterminated");
  }
}
