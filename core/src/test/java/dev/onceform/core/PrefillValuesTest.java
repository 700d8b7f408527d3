package dev.onceform.core;

import static dev.onceform.core.testing.Fixtures.MOTHER_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.onceform.core.prefill.ManualField;
import dev.onceform.core.prefill.ManualField.Reason;
import dev.onceform.core.prefill.PrefillResult;
import dev.onceform.core.prefill.Provenance;
import dev.onceform.core.spi.RegistryAnswer;
import dev.onceform.core.testing.FakeRegistry;
import dev.onceform.core.testing.TestForms;
import dev.onceform.schema.FormDefinition;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Registry values are checked against the field's schema and normalised before they enter. */
class PrefillValuesTest {
  private static final Purpose PURPOSE = Purpose.of("test");
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final FormDefinition FORM =
      TestForms.form(
          "values",
          String.join(
              ", ",
              TestForms.field("birthDate", "string", "population", "\"format\": \"date\""),
              TestForms.field("sex", "string", "population", "\"enum\": [\"male\", \"female\"]"),
              TestForms.field("alias", "string", "population", "\"maxLength\": 5"),
              TestForms.field(
                  "ethnicity", "string", "population", "\"x-codelist\": \"ethnic-groups\""),
              TestForms.field("spouseId", "string", "population", "\"format\": \"vn-personal-id\""),
              TestForms.field(
                  "commune",
                  "string",
                  "population",
                  "\"x-codelist\": \"admin-units-2025/commune\""),
              TestForms.field(
                  "province",
                  "string",
                  "population",
                  "\"x-codelist\": \"admin-units-2025/province\""),
              TestForms.field("unit", "string", "population", "\"format\": \"vn-admin-unit\""),
              TestForms.field("members", "integer", "population", ""),
              TestForms.field("married", "boolean", "population", "")));

  private static PrefillResult prefillWith(Map<String, JsonNode> values) {
    FakeRegistry registry =
        FakeRegistry.behaving(
            "population",
            java.util.Set.of(
                "birthDate",
                "sex",
                "alias",
                "ethnicity",
                "spouseId",
                "commune",
                "province",
                "unit",
                "members",
                "married"),
            q -> {
              Map<String, JsonNode> asked = new LinkedHashMap<>(values);
              asked.keySet().retainAll(q.attributes());
              return CompletableFuture.completedFuture(RegistryAnswer.found("R1", asked));
            });
    return FormEngine.builder()
        .form(FORM)
        .adapter(registry)
        .build()
        .prefill("values", Subject.person(MOTHER_ID), PURPOSE);
  }

  private static PrefillResult prefillText(String attribute, String value) {
    return prefillWith(Map.of(attribute, JSON.textNode(value)));
  }

  private static Optional<ManualField> manual(PrefillResult result, String pointer) {
    return result.manual().stream().filter(m -> m.pointer().equals(pointer)).findFirst();
  }

  private static void assertDropped(PrefillResult result, String pointer, Reason reason) {
    assertThat(result.data().at(pointer).isMissingNode()).isTrue();
    assertThat(manual(result, pointer))
        .get()
        .satisfies(
            m -> {
              assertThat(m.reason()).isEqualTo(reason);
              assertThat(m.detail()).contains(pointer);
            });
  }

  @Test
  void dates_commonRegistryForms_becomeIso() {
    for (String raw :
        new String[] {
          "1992-04-17",
          "17/04/1992",
          "17-04-1992",
          "17.4.1992",
          "1992/04/17",
          "19920417",
          "1992-04-17T00:00:00+07:00",
          " 17/04/1992 "
        }) {
      assertThat(prefillText("birthDate", raw).data().at("/birthDate").asText())
          .as(raw)
          .isEqualTo("1992-04-17");
    }
  }

  @Test
  void dates_impossibleOrGarbage_droppedBadValue_detailWithoutValue() {
    for (String raw : new String[] {"31/02/1992", "không rõ", "1992-13-01", "04/17/1992"}) {
      PrefillResult result = prefillText("birthDate", raw);
      assertDropped(result, "/birthDate", Reason.BAD_VALUE);
      assertThat(manual(result, "/birthDate").orElseThrow().detail()).doesNotContain(raw);
    }
  }

  @Test
  void enum_valueNotListed_dropped_listedKept() {
    assertDropped(prefillText("sex", "nam"), "/sex", Reason.BAD_VALUE);
    assertThat(prefillText("sex", " female ").data().at("/sex").asText()).isEqualTo("female");
  }

  @Test
  void maxLength_countsCodePointsAfterNfc() {
    String nfd = java.text.Normalizer.normalize("Hường", java.text.Normalizer.Form.NFD);
    assertThat(nfd.length()).isGreaterThan(5);

    assertThat(prefillText("alias", nfd).data().at("/alias").asText()).isEqualTo("Hường");
    assertDropped(prefillText("alias", "Hường Anh"), "/alias", Reason.BAD_VALUE);
  }

  @Test
  void codeList_unknownCode_dropped() {
    assertThat(prefillText("ethnicity", "01").data().at("/ethnicity").asText()).isEqualTo("01");
    assertDropped(prefillText("ethnicity", "99"), "/ethnicity", Reason.BAD_VALUE);
  }

  @Test
  void vietnameseFormat_checked() {
    assertDropped(prefillText("spouseId", "123"), "/spouseId", Reason.BAD_VALUE);
    assertThat(prefillText("spouseId", "001090004567").data().at("/spouseId").asText())
        .isEqualTo("001090004567");
  }

  @Test
  void numbersAndBooleans_asTextConverted_otherwiseDropped() {
    PrefillResult result =
        prefillWith(Map.of("members", JSON.textNode(" 4 "), "married", JSON.textNode("true")));
    assertThat(result.data().at("/members").isInt()).isTrue();
    assertThat(result.data().at("/members").asInt()).isEqualTo(4);
    assertThat(result.data().at("/married").booleanValue()).isTrue();

    PrefillResult bad =
        prefillWith(Map.of("members", JSON.numberNode(4.5), "married", JSON.textNode("có")));
    assertDropped(bad, "/members", Reason.BAD_VALUE);
    assertDropped(bad, "/married", Reason.BAD_VALUE);
  }

  @Test
  void commune_oldCodeWithOneSuccessor_convertedAndRecordedInProvenance() {
    PrefillResult result = prefillText("commune", "00001"); // Phường Phúc Xá -> 00097

    assertThat(result.data().at("/commune").asText()).isEqualTo("00097");
    assertThat(result.provenance().get("/commune"))
        .extracting(Provenance::convertedFrom)
        .isEqualTo(Optional.of("00001"));
  }

  @Test
  void commune_currentCode_keptEvenIfItWasAlsoAnOldCode() {
    // 00004 is the current Phường Ba Đình; it was also a commune code of 30 June 2025.
    PrefillResult result = prefillText("commune", "00004");

    assertThat(result.data().at("/commune").asText()).isEqualTo("00004");
    assertThat(result.provenance().get("/commune"))
        .extracting(Provenance::convertedFrom)
        .isEqualTo(Optional.empty());
  }

  @Test
  void commune_splitOldCode_manualAmbiguousWithCandidates() {
    PrefillResult result = prefillText("commune", "00007"); // Phường Cống Vị, split in two

    assertDropped(result, "/commune", Reason.AMBIGUOUS_ADDRESS);
    assertThat(manual(result, "/commune").orElseThrow().candidates())
        .containsExactly("00008", "00025");
  }

  @Test
  void commune_neitherCurrentNorOld_manualUnknownAddress() {
    assertDropped(prefillText("commune", "26935"), "/commune", Reason.UNKNOWN_ADDRESS);
  }

  @Test
  void adminUnitFormat_convertsCommunesAndProvinces() {
    PrefillResult commune = prefillText("unit", "00001");
    assertThat(commune.data().at("/unit").asText()).isEqualTo("00097");

    PrefillResult province = prefillText("province", "74"); // Bình Dương -> Hồ Chí Minh
    assertThat(province.data().at("/province").asText()).isEqualTo("79");
    assertThat(province.provenance().get("/province"))
        .extracting(Provenance::convertedFrom)
        .isEqualTo(Optional.of("74"));
  }
}
