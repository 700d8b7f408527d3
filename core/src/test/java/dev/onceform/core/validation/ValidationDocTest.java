package dev.onceform.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docs/validation.md lists every problem code of the message bundles with its exact vi and en
 * texts, and no code that the bundles lack, so the documentation cannot drift.
 */
class ValidationDocTest {
  private static final Locale VI = Locale.forLanguageTag("vi");

  /** One row of the table: the code and its two texts. */
  private record Row(String code, String vi, String en) {}

  private static Path doc() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve("mvnw")) && Files.isDirectory(d.resolve("docs"))) {
        return d.resolve("docs/validation.md");
      }
    }
    throw new IllegalStateException("no project root above " + Path.of("").toAbsolutePath());
  }

  /** The rows of the tables of section "## Problem codes" whose first cell is a `code`. */
  private static Map<String, Row> table() throws IOException {
    List<String> lines = Files.readAllLines(doc(), StandardCharsets.UTF_8);
    Map<String, Row> rows = new LinkedHashMap<>();
    boolean inSection = false;
    for (String line : lines) {
      if (line.startsWith("## ")) {
        inSection = line.equals("## Problem codes");
        continue;
      }
      if (!inSection || !line.startsWith("| `")) {
        continue;
      }
      String[] cells = line.substring(1, line.length() - (line.endsWith("|") ? 1 : 0)).split("\\|");
      String code = cells[0].strip().replace("`", "");
      assertThat(cells).as("row of " + code + " has code | vi | en").hasSize(3);
      assertThat(rows.put(code, new Row(code, cells[1].strip(), cells[2].strip())))
          .as("code " + code + " is listed twice")
          .isNull();
    }
    return rows;
  }

  @Test
  void problemCodesTable_listsExactlyTheCodesOfTheBundles() throws IOException {
    ValidationMessages messages = ValidationMessages.builtIn();

    assertThat(table().keySet())
        .as("codes in docs/validation.md, section Problem codes")
        .containsExactlyInAnyOrderElementsOf(messages.codes());
  }

  @Test
  void problemCodesTable_showsTheBuiltInTexts() throws IOException {
    ValidationMessages messages = ValidationMessages.builtIn();

    for (Row row : table().values()) {
      assertThat(row.vi())
          .as(row.code() + " (vi)")
          .isEqualTo(messages.patterns(VI).get(row.code()));
      assertThat(row.en())
          .as(row.code() + " (en)")
          .isEqualTo(messages.patterns(Locale.ENGLISH).get(row.code()));
    }
  }
}
