package dev.onceform.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class CodeListsTest {

  @Test
  void builtIn_ethnicGroups_has54GroupsWith2008Codes() {
    CodeList list = CodeLists.builtIn("ethnic-groups").orElseThrow();

    assertThat(list.entries()).hasSize(54);
    assertThat(list.label("01")).get().extracting(LocalizedText::vi).isEqualTo("Kinh (Việt)");
    assertThat(list.source()).contains("1019/QĐ-TCTK");
  }

  @Test
  void builtIn_nationalities_namesVietNamInBothLanguages() {
    CodeList list = CodeLists.builtIn("nationalities").orElseThrow();

    LocalizedText vn = list.label("VN").orElseThrow();
    assertThat(vn.vi()).isEqualTo("Việt Nam");
    assertThat(vn.in(Locale.ENGLISH)).isEqualTo("Viet Nam");
  }

  @Test
  void builtIn_everyListNamedLoads() {
    assertThat(CodeLists.names())
        .allSatisfy(name -> assertThat(CodeLists.builtIn(name)).isPresent());
  }

  @Test
  void builtIn_unknownName_isEmpty() {
    assertThat(CodeLists.builtIn("no-such-list")).isEmpty();
  }

  @Test
  void sample_everyCodeListTheFormNamesIsBundled() {
    FormDefinition form = SampleForms.get("birth-registration").orElseThrow();

    assertThat(form.fields())
        .allSatisfy(
            field ->
                field.codeList().ifPresent(name -> assertThat(CodeLists.names()).contains(name)));
  }
}
