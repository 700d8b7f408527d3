package dev.onceform.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SemanticVersionTest {

  private static SemanticVersion v(String text) {
    return SemanticVersion.parse(text).orElseThrow();
  }

  @Test
  void compareTo_followsSemverPrecedence() {
    List<String> sorted =
        Stream.of(
                "1.0.0",
                "1.0.0-alpha.1",
                "0.9.12",
                "1.0.0-alpha",
                "1.0.0-beta",
                "1.0.0-alpha.beta",
                "2.0.0",
                "1.10.0")
            .map(SemanticVersionTest::v)
            .sorted()
            .map(SemanticVersion::toString)
            .toList();

    assertThat(sorted)
        .containsExactly(
            "0.9.12",
            "1.0.0-alpha",
            "1.0.0-alpha.1",
            "1.0.0-alpha.beta",
            "1.0.0-beta",
            "1.0.0",
            "1.10.0",
            "2.0.0");
  }

  @Test
  void parse_rejectsWhatIsNotSemver() {
    assertThat(SemanticVersion.parse("1.0")).isEmpty();
    assertThat(SemanticVersion.parse("01.0.0")).isEmpty();
  }

  @Test
  void mayBreak_onlyOnMajorOrZeroMinorOrPreRelease() {
    assertThat(v("2.0.0").mayBreak(v("1.4.2"))).isTrue();
    assertThat(v("1.5.0").mayBreak(v("1.4.2"))).isFalse();
    assertThat(v("0.3.0").mayBreak(v("0.2.1"))).isTrue();
    assertThat(v("0.2.2").mayBreak(v("0.2.1"))).isFalse();
    assertThat(v("1.5.0-rc.1").mayBreak(v("1.4.2"))).isTrue();
  }

  @Test
  void nextBreaking_isNextMajor_orNextMinorBelowOne() {
    assertThat(v("1.4.2").nextBreaking()).isEqualTo("2.0.0");
    assertThat(v("0.2.1").nextBreaking()).isEqualTo("0.3.0");
  }
}
