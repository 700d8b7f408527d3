package dev.onceform.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onceform.schema.testing.BrokenCodeLists;
import dev.onceform.schema.testing.FeeCategories;
import dev.onceform.schema.testing.RivalEthnicGroups;
import dev.onceform.schema.testing.RivalFeeCategories;
import dev.onceform.schema.testing.ServiceSandbox;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeListsTest {

  @TempDir Path dir;

  @Test
  void names_areTheAgreedBundledLists() {
    assertThat(CodeLists.names())
        .containsExactly(
            "admin-units-2025/province",
            "admin-units-2025/commune",
            "ethnic-groups",
            "nationalities",
            "religions",
            "sex",
            "relationships",
            "household-relationships");
    assertThat(CodeLists.builtIn().names()).isEqualTo(CodeLists.names());
  }

  @Test
  void builtIn_everyListNamedLoadsWithVersionAndSource() {
    assertThat(CodeLists.names())
        .allSatisfy(
            name -> {
              CodeList list = CodeLists.builtIn(name).orElseThrow();
              assertThat(list.name()).isEqualTo(name);
              assertThat(list.version()).isNotBlank();
              assertThat(list.source()).contains("Licence: ").doesNotEndWith("Licence: ");
              assertThat(list.entries()).isNotEmpty();
            });
  }

  @Test
  void builtIn_ethnicGroups_has54GroupsWith2008Codes() {
    CodeList list = CodeLists.builtIn("ethnic-groups").orElseThrow();

    assertThat(list.entries()).hasSize(54);
    assertThat(list.entries().keySet())
        .containsExactlyInAnyOrderElementsOf(
            java.util.stream.IntStream.rangeClosed(1, 54)
                .mapToObj(i -> String.format(Locale.ROOT, "%02d", i))
                .toList());
    assertThat(list.label("01")).get().extracting(LocalizedText::vi).isEqualTo("Kinh (Việt)");
    // Hoa is 06 in the 2008 list (04 in the 1979 one).
    assertThat(list.label("06")).get().extracting(LocalizedText::vi).isEqualTo("Hoa (Hán)");
    assertThat(list.source()).contains("1019/QĐ-TCTK");
    assertThat(list.version()).contains("2008");
  }

  @Test
  void builtIn_nationalities_has249Iso3166Alpha2Codes() {
    CodeList list = CodeLists.builtIn("nationalities").orElseThrow();

    assertThat(list.entries()).hasSize(249);
    assertThat(list.entries().keySet()).allMatch(code -> code.matches("[A-Z]{2}"));
    LocalizedText vn = list.label("VN").orElseThrow();
    assertThat(vn.vi()).isEqualTo("Việt Nam");
    assertThat(vn.in(Locale.ENGLISH)).isEqualTo("Viet Nam");
  }

  @Test
  void builtIn_religions_hasNoneAndThe16ReligionsOf2019WithWordCodes() {
    CodeList list = CodeLists.builtIn("religions").orElseThrow();

    assertThat(list.entries()).hasSize(17);
    assertThat(list.entries().keySet()).first().isEqualTo("none");
    assertThat(list.entries().keySet()).allMatch(code -> code.matches("[a-z]+(-[a-z]+)*"));
    assertThat(list.label("none")).get().extracting(LocalizedText::vi).isEqualTo("Không");
    assertThat(list.label("buddhism")).get().extracting(LocalizedText::vi).isEqualTo("Phật giáo");
    assertThat(list.label("hoa-hao"))
        .get()
        .extracting(LocalizedText::vi)
        .isEqualTo("Phật giáo Hòa Hảo");
    assertThat(list.contains("01")).isFalse();
  }

  @Test
  void builtIn_adminUnitProvinces_has34WithTwoDigitCodes() {
    CodeList list = CodeLists.builtIn("admin-units-2025/province").orElseThrow();

    assertThat(list.entries()).hasSize(34);
    assertThat(list.version()).isEqualTo("2026-10-08");
    assertThat(list.label("01")).get().extracting(LocalizedText::vi).isEqualTo("Thành phố Hà Nội");
    assertThat(list.label("79"))
        .get()
        .extracting(LocalizedText::vi)
        .isEqualTo("Thành phố Hồ Chí Minh");
    // Bình Dương (74) was merged into Hồ Chí Minh.
    assertThat(list.contains("74")).isFalse();
  }

  @Test
  void builtIn_adminUnitCommunes_has3321WithFiveDigitCodes() {
    CodeList list = CodeLists.builtIn("admin-units-2025/commune").orElseThrow();

    assertThat(list.entries()).hasSize(3321);
    assertThat(list.entries().keySet()).allMatch(code -> code.matches("[0-9]{5}"));
    assertThat(list.label("00004")).get().extracting(LocalizedText::vi).isEqualTo("Phường Ba Đình");
    // 00001 (Phường Phúc Xá) was merged into 00097 on 2025-07-01.
    assertThat(list.contains("00001")).isFalse();
    assertThat(list.contains("06970")).isTrue();
    assertThat(list.contains("06978")).isFalse();
  }

  @Test
  void builtIn_keepsTheListsOrder() {
    assertThat(CodeLists.builtIn("ethnic-groups").orElseThrow().entries().keySet())
        .startsWith("01", "02", "03");
    assertThat(CodeLists.builtIn("sex").orElseThrow().entries().keySet())
        .containsExactly("male", "female");
  }

  @Test
  void builtIn_readsEachFileOnce_andSharesTheList() {
    CodeList first = CodeLists.builtIn("admin-units-2025/commune").orElseThrow();

    assertThat(CodeLists.builtIn("admin-units-2025/commune")).get().isSameAs(first);
    assertThat(CodeLists.builtIn().find("admin-units-2025/commune")).get().isSameAs(first);
  }

  @Test
  void builtIn_unknownName_isEmpty() {
    assertThat(CodeLists.builtIn("no-such-list")).isEmpty();
    assertThat(CodeLists.builtIn().find("no-such-list")).isEmpty();
  }

  @Test
  void codeList_toStringShowsSizeNotEntries() {
    CodeList list = CodeLists.builtIn("admin-units-2025/commune").orElseThrow();

    assertThat(list.toString())
        .isEqualTo("CodeList[admin-units-2025/commune 2026-10-08, 3321 entries]");
  }

  @Test
  void codeList_blankVersion_isRejected() {
    Map<String, LocalizedText> entries = Map.of("a", LocalizedText.of("A"));

    assertThatThrownBy(() -> new CodeList("fees", " ", "test", entries))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("version of code list 'fees'");
  }

  @Test
  void codeList_entriesAreACopyInOrder() {
    Map<String, LocalizedText> entries = new LinkedHashMap<>();
    entries.put("z", LocalizedText.of("Z"));
    entries.put("a", LocalizedText.of("A"));
    CodeList list = new CodeList("letters", "1", "test", entries);
    entries.put("b", LocalizedText.of("B"));

    assertThat(list.entries().keySet()).containsExactly("z", "a");
  }

  @Test
  void compose_firstProviderWithTheNameWins() {
    CodeListProvider mine =
        provider(
            "mine", "sex", new CodeList("sex", "x", "mine", Map.of("x", LocalizedText.of("X"))));

    CodeListProvider mineFirst = CodeLists.compose(mine, CodeLists.builtIn());
    CodeListProvider bundledFirst = CodeLists.compose(CodeLists.builtIn(), mine);

    assertThat(mineFirst.find("sex")).get().extracting(CodeList::version).isEqualTo("x");
    assertThat(bundledFirst.find("sex")).get().extracting(CodeList::version).isEqualTo("1");
    assertThat(mineFirst.find("ethnic-groups")).isPresent();
    assertThat(mineFirst.find("no-such-list")).isEmpty();
  }

  @Test
  void compose_namesAreTheUnion() {
    CodeListProvider composed = CodeLists.compose(CodeLists.builtIn(), new FeeCategories());

    assertThat(composed.names())
        .containsAll(CodeLists.names())
        .contains(FeeCategories.NAME)
        .hasSize(CodeLists.names().size() + 1);
    assertThat(composed.find(FeeCategories.NAME).orElseThrow().label("exempt"))
        .get()
        .extracting(LocalizedText::vi)
        .isEqualTo("Miễn phí");
  }

  @Test
  void compose_nothing_hasNoLists() {
    CodeListProvider none = CodeLists.compose();

    assertThat(none.names()).isEmpty();
    assertThat(none.find("sex")).isEmpty();
  }

  @Test
  void installed_noProviders_servesTheBundledLists() {
    CodeListProvider installed =
        ServiceSandbox.run(dir, CodeListProvider.class, List.of(), CodeLists::installed);

    assertThat(installed.names()).isEqualTo(CodeLists.names());
    assertThat(installed.find("ethnic-groups"))
        .get()
        .isSameAs(CodeLists.builtIn("ethnic-groups").orElseThrow());
  }

  @Test
  void installed_findsProviderOnTheClassPath() {
    CodeListProvider installed =
        ServiceSandbox.run(
            dir,
            CodeListProvider.class,
            List.of(FeeCategories.class.getName()),
            CodeLists::installed);

    assertThat(installed.names()).contains(FeeCategories.NAME, "admin-units-2025/commune");
    assertThat(installed.find(FeeCategories.NAME).orElseThrow().contains("standard")).isTrue();
    assertThat(installed.find("admin-units-2025/commune")).isPresent();
  }

  @Test
  void installed_providerServingABundledName_isAnError() {
    assertThatThrownBy(
            () ->
                ServiceSandbox.run(
                    dir,
                    CodeListProvider.class,
                    List.of(RivalEthnicGroups.class.getName()),
                    CodeLists::installed))
        .isInstanceOf(OnceFormException.class)
        .hasMessageContaining("OF-CODE-104")
        .hasMessageContaining("'ethnic-groups'")
        .hasMessageContaining("bundled")
        .hasMessageContaining(RivalEthnicGroups.class.getName())
        .hasMessageContaining("CodeLists.compose");
  }

  @Test
  void installed_twoProvidersServingOneName_isAnErrorNamingBoth() {
    assertThatThrownBy(
            () ->
                ServiceSandbox.run(
                    dir,
                    CodeListProvider.class,
                    List.of(FeeCategories.class.getName(), RivalFeeCategories.class.getName()),
                    CodeLists::installed))
        .isInstanceOf(OnceFormException.class)
        .hasMessageContaining("OF-CODE-104")
        .hasMessageContaining(FeeCategories.class.getName())
        .hasMessageContaining(RivalFeeCategories.class.getName());
  }

  @Test
  void installed_brokenProviders_areSkippedAndTheOthersInstalled() {
    CodeListProvider installed =
        ServiceSandbox.run(
            dir,
            CodeListProvider.class,
            List.of(
                BrokenCodeLists.class.getName(),
                "dev.onceform.schema.testing.NoSuchProvider",
                FeeCategories.class.getName()),
            CodeLists::installed);

    assertThat(installed.names()).contains(FeeCategories.NAME).doesNotContain("broken");
  }

  @Test
  void sample_everyCodeListTheFormNamesIsBundled() {
    FormDefinition form = SampleForms.get("birth-registration").orElseThrow();

    assertThat(form.fields())
        .allSatisfy(
            field ->
                field.codeList().ifPresent(name -> assertThat(CodeLists.names()).contains(name)));
  }

  private static CodeListProvider provider(String id, String name, CodeList list) {
    return new CodeListProvider() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public Set<String> names() {
        return Set.of(name);
      }

      @Override
      public Optional<CodeList> find(String wanted) {
        return name.equals(wanted) ? Optional.of(list) : Optional.empty();
      }
    };
  }
}
