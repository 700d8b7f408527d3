package dev.onceform.schema.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onceform.schema.internal.LocatedJson.MalformedJsonException;
import dev.onceform.schema.internal.LocatedJson.Position;
import org.junit.jupiter.api.Test;

class LocatedJsonTest {
  private static final String TEXT =
      "{\n"
          + "  \"tên\": \"Nguyễn\",\n"
          + "  \"a/b\": [10, {\"x\": true}],\n"
          + "  \"o\": {}\n"
          + "}";

  @Test
  void parse_recordsNamesAndValuesByPointer() throws MalformedJsonException {
    LocatedJson json = LocatedJson.parse(TEXT);

    assertThat(json.root().path("tên").asText()).isEqualTo("Nguyễn");
    assertThat(json.valueAt("")).isEqualTo(new Position(1, 1));
    assertThat(json.memberAt("/tên")).isEqualTo(new Position(2, 3));
    assertThat(json.valueAt("/tên")).isEqualTo(new Position(2, 10));
    assertThat(json.memberAt("/a~1b")).isEqualTo(new Position(3, 3));
    assertThat(json.valueAt("/a~1b/0")).isEqualTo(new Position(3, 11));
    assertThat(json.memberAt("/a~1b/1")).isEqualTo(new Position(3, 15));
    assertThat(json.memberAt("/a~1b/1/x")).isEqualTo(new Position(3, 16));
    assertThat(json.valueAt("/a~1b/1/x")).isEqualTo(new Position(3, 21));
  }

  @Test
  void missingPointer_fallsBackToNearestAncestor() throws MalformedJsonException {
    LocatedJson json = LocatedJson.parse(TEXT);

    assertThat(json.memberAt("/o/missing")).isEqualTo(new Position(4, 3));
    assertThat(json.valueAt("/o/missing")).isEqualTo(new Position(4, 8));
    assertThat(json.memberAt("/nothing/deeper")).isEqualTo(new Position(1, 1));
  }

  @Test
  void parse_malformed_givesParserPosition() {
    assertThatThrownBy(() -> LocatedJson.parse("{\n  \"a\": 1,\n  \"b\" 2\n}"))
        .isInstanceOfSatisfying(
            MalformedJsonException.class,
            e -> assertThat(e.position()).isEqualTo(new Position(3, 7)));
  }

  @Test
  void parse_trailingContent_isMalformed() {
    assertThatThrownBy(() -> LocatedJson.parse("{} {}")).isInstanceOf(MalformedJsonException.class);
  }
}
