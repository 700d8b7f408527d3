package dev.onceform.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class TextFitTest {

  /** Every code point is half a point wide at size 1. */
  private static final ToDoubleFunction<String> HALF =
      text -> text.codePointCount(0, text.length()) * 0.5;

  @Test
  void fit_shortLines_maximumSizeUnchanged() {
    TextFit.Result result = TextFit.fit(List.of("Nguyễn An", "Ký ngày"), 200, 40, HALF);

    assertThat(result.size()).isEqualTo(TextFit.MAX_SIZE);
    assertThat(result.lines()).containsExactly("Nguyễn An", "Ký ngày");
  }

  @Test
  void fit_lineWiderThanBox_wrapsAtSpacesEachLineFits() {
    // At 10 pt a code point is 5 pt wide: 10 code points per 50-pt line.
    TextFit.Result result = TextFit.fit(List.of("một hai ba bốn năm sáu"), 50, 100, HALF);

    assertThat(result.size()).isEqualTo(10);
    assertThat(result.lines()).containsExactly("một hai ba", "bốn năm", "sáu");
  }

  @Test
  void fit_tooManyLinesAtMaximum_shrinksUntilTheyFit() {
    TextFit.Result result = TextFit.fit(List.of("a", "b", "c"), 100, 24, HALF);

    assertThat(result.size()).isLessThan(TextFit.MAX_SIZE);
    assertThat(result.lines().size() * result.size() * TextFit.LEADING).isLessThanOrEqualTo(24);
    assertThat(result.size() + 0.25).isGreaterThan(24 / (3 * TextFit.LEADING));
  }

  @Test
  void wrap_wordLongerThanLine_splitsInsideWordAtCodePoints() {
    List<String> lines = TextFit.wrap("Ủyyyyyyy", 2, HALF);

    assertThat(lines).containsExactly("Ủyyy", "yyyy");
  }

  @Test
  void fit_doesNotFitAtMinimum_throwsTextTooLong() {
    assertThatThrownBy(() -> TextFit.fit(List.of("a", "b"), 100, 5, HALF))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("OF-SIGN-211")
        .hasMessageContaining("100.0 x 5.0 points");
  }
}
