package dev.onceform.core.result;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.onceform.schema.CodeLists;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ValueFormatTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Locale VI = Locale.forLanguageTag("vi");

  @Test
  void display_date_isDayMonthYearInVietnamese() {
    assertThat(ValueFormat.DATE.display(NODES.textNode("2026-10-05"), VI, Optional.empty()))
        .isEqualTo("05/10/2026");
    assertThat(
            ValueFormat.DATE.display(
                NODES.textNode("2026-10-05"), Locale.ENGLISH, Optional.empty()))
        .isEqualTo("5 October 2026");
    assertThat(ValueFormat.DATE.display(NODES.textNode("2019-03"), VI, Optional.empty()))
        .isEqualTo("03/2019");
    assertThat(ValueFormat.DATE.display(NODES.textNode("soon"), VI, Optional.empty()))
        .isEqualTo("soon");
  }

  @Test
  void display_numberCodeAndYesNo() {
    assertThat(ValueFormat.NUMBER.display(NODES.numberNode(100_000_000), VI, Optional.empty()))
        .isEqualTo("100.000.000");
    assertThat(
            ValueFormat.NUMBER.display(
                NODES.numberNode(100_000_000), Locale.ENGLISH, Optional.empty()))
        .isEqualTo("100,000,000");
    assertThat(ValueFormat.CODE.display(NODES.textNode("female"), VI, CodeLists.builtIn("sex")))
        .isEqualTo("Nữ");
    assertThat(ValueFormat.CODE.display(NODES.textNode("x"), VI, CodeLists.builtIn("sex")))
        .isEqualTo("x");
    assertThat(ValueFormat.YES_NO.display(NODES.booleanNode(true), VI, Optional.empty()))
        .isEqualTo("Có");
    assertThat(ValueFormat.ofJsonName("yes-no")).isEqualTo(ValueFormat.YES_NO);
  }
}
