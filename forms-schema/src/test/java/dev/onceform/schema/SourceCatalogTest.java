package dev.onceform.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceCatalogTest {
  private static final String AGENCY = "catalog/agency-local.json";

  /** The attributes agreed for issue 3 (COMMON.md), per source, plus those DOMAIN.md supports. */
  private static final Map<String, List<String>> AGREED = new LinkedHashMap<>();

  static {
    AGREED.put(
        "population",
        List.of(
            "personalId",
            "fullName",
            "otherNames",
            "dateOfBirth",
            "sex",
            "placeOfBirth",
            "placeOfBirthRegistration",
            "hometown",
            "ethnicity",
            "religion",
            "nationality",
            "bloodType",
            "permanentAddress",
            "permanentAddressCommune",
            "temporaryAddress",
            "currentAddress",
            "currentAddressCommune",
            "householdHeadPersonalId",
            "relationshipToHouseholdHead",
            "fatherName",
            "fatherPersonalId",
            "fatherNationality",
            "motherName",
            "motherPersonalId",
            "motherNationality",
            "spouseName",
            "spousePersonalId",
            "maritalStatus",
            "dateOfDeath",
            "phone",
            "email"));
    AGREED.put(
        "civil-status",
        List.of(
            "birthRegistrationNumber",
            "birthRegistrationDate",
            "birthRegistrationAuthority",
            "deathRegistrationNumber",
            "deathRegistrationDate",
            "marriageRegistrationNumber",
            "marriageRegistrationDate",
            "spousePersonalId",
            "maritalStatus"));
    AGREED.put(
        "enterprise",
        List.of(
            "enterpriseCode",
            "nameVi",
            "nameEn",
            "shortName",
            "headOfficeAddress",
            "headOfficeCommune",
            "legalRepresentativeName",
            "legalRepresentativePersonalId",
            "charterCapital",
            "businessLines",
            "status"));
    AGREED.put(
        "judicial-records",
        List.of("criminalRecordStatus", "convictionCount", "positionBanStatus"));
    AGREED.put(
        "land",
        List.of(
            "landUseCertificateNumber",
            "parcelNumber",
            "mapSheetNumber",
            "parcelAddress",
            "area",
            "landUsePurpose"));
    AGREED.put("tax", List.of("taxCode", "taxOffice", "taxpayerStatus"));
    AGREED.put(
        "social-insurance",
        List.of(
            "socialInsuranceNumber",
            "healthInsuranceCardNumber",
            "initialHealthcareFacility",
            "contributionMonths"));
  }

  private static SourceAttribute attribute(String source, String name) {
    return SourceCatalog.builtIn()
        .source(source)
        .flatMap(s -> s.attribute(name))
        .orElseThrow(() -> new AssertionError(source + "." + name + " is not in the catalog"));
  }

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(SourceCatalogTest.class.getResource(name).toURI());
  }

  @Test
  void builtIn_declaresTheNationalRegistriesInOrder() {
    assertThat(SourceCatalog.builtIn().sources())
        .extracting(RegistrySource::id)
        .containsExactlyElementsOf(AGREED.keySet());
  }

  @Test
  void builtIn_isReadOnce() {
    assertThat(SourceCatalog.builtIn()).isSameAs(SourceCatalog.builtIn());
  }

  @Test
  void builtIn_eachSourceHasTheAgreedAttributesInOrder() {
    for (Map.Entry<String, List<String>> source : AGREED.entrySet()) {
      RegistrySource declared = SourceCatalog.builtIn().source(source.getKey()).orElseThrow();

      assertThat(declared.attributes().keySet())
          .as(source.getKey())
          .containsExactlyElementsOf(source.getValue());
    }
  }

  @Test
  void builtIn_sourcesAreNationalWithOfficialNamesAndAuthority() {
    RegistrySource population = SourceCatalog.builtIn().source("population").orElseThrow();

    assertThat(population.name().vi()).isEqualTo("Cơ sở dữ liệu quốc gia về dân cư");
    assertThat(population.name().en()).contains("National Population Database");
    assertThat(population.authority()).map(LocalizedText::vi).contains("Bộ Công an");
    assertThat(SourceCatalog.builtIn().source("civil-status").orElseThrow().name().vi())
        .isEqualTo("Cơ sở dữ liệu hộ tịch điện tử");
    for (RegistrySource source : SourceCatalog.builtIn().sources()) {
      assertThat(source.local()).as(source.id()).isFalse();
      assertThat(source.name().en()).as(source.id()).isPresent();
      assertThat(source.authority()).as(source.id()).isPresent();
    }
  }

  @Test
  void builtIn_textsAreBilingualAndNfc() {
    for (RegistrySource source : SourceCatalog.builtIn().sources()) {
      for (SourceAttribute attribute : source.attributes().values()) {
        String vi = attribute.description().vi();

        assertThat(attribute.description().en()).as(attribute.name()).isPresent();
        assertThat(Normalizer.isNormalized(vi, Normalizer.Form.NFC)).as(vi).isTrue();
      }
    }
  }

  @Test
  void builtIn_typesFormatsAndCodeLists() {
    SourceAttribute personalId = attribute("population", "personalId");
    assertThat(personalId.type()).isEqualTo("string");
    assertThat(personalId.format()).contains("vn-personal-id");
    assertThat(personalId.codeList()).isEmpty();

    assertThat(attribute("population", "dateOfBirth").format()).contains("date");
    assertThat(attribute("population", "sex").codeList()).contains("sex");
    assertThat(attribute("population", "ethnicity").codeList()).contains("ethnic-groups");
    assertThat(attribute("population", "religion").codeList()).contains("religions");
    assertThat(attribute("population", "motherNationality").codeList()).contains("nationalities");
    assertThat(attribute("population", "currentAddressCommune").format()).contains("vn-admin-unit");
    assertThat(attribute("population", "currentAddressCommune").codeList())
        .contains("admin-units-2025/commune");
    assertThat(attribute("population", "phone").format()).contains("vn-phone");
    assertThat(attribute("population", "email").format()).contains("email");
    assertThat(attribute("enterprise", "enterpriseCode").format()).contains("vn-tax-code");
    assertThat(attribute("enterprise", "charterCapital").type()).isEqualTo("integer");
    assertThat(attribute("judicial-records", "convictionCount").type()).isEqualTo("integer");
    assertThat(attribute("land", "area").type()).isEqualTo("number");
    assertThat(attribute("social-insurance", "contributionMonths").type()).isEqualTo("integer");
    assertThat(attribute("tax", "taxCode").format()).contains("vn-tax-code");
    assertThat(attribute("population", "fullName").format()).isEmpty();
  }

  @Test
  void builtIn_identifyingAttributesAreExactlyTheIdNumbers() {
    Set<String> identifying = new TreeSet<>();
    for (RegistrySource source : SourceCatalog.builtIn().sources()) {
      source.attributes().values().stream()
          .filter(SourceAttribute::identifiesPerson)
          .forEach(a -> identifying.add(source.id() + "." + a.name()));
    }

    assertThat(identifying)
        .containsExactlyInAnyOrder(
            "population.personalId",
            "population.householdHeadPersonalId",
            "population.fatherPersonalId",
            "population.motherPersonalId",
            "population.spousePersonalId",
            "civil-status.spousePersonalId",
            "enterprise.enterpriseCode",
            "enterprise.legalRepresentativePersonalId",
            "tax.taxCode",
            "social-insurance.socialInsuranceNumber",
            "social-insurance.healthInsuranceCardNumber");
  }

  @Test
  void source_unknownId_isEmpty() {
    assertThat(SourceCatalog.builtIn().source("hcm-housing")).isEmpty();
  }

  @Test
  void sources_cannotBeModified() {
    assertThatThrownBy(() -> SourceCatalog.builtIn().sources().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(
            () -> SourceCatalog.builtIn().source("tax").orElseThrow().attributes().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void load_agencyCatalog_declaresALocalDatabase() throws Exception {
    SourceCatalog agency = SourceCatalog.load(resource(AGENCY));

    RegistrySource housing = agency.source("social-housing").orElseThrow();
    assertThat(housing.local()).isTrue();
    assertThat(housing.authority()).map(LocalizedText::vi).contains("Sở Xây dựng");
    assertThat(housing.attributes().keySet())
        .containsExactly("applicationNumber", "householdSize", "housingCommune");
    SourceAttribute size = housing.attribute("householdSize").orElseThrow();
    assertThat(size.type()).isEqualTo("integer");
    assertThat(size.identifiesPerson()).isFalse();
    assertThat(size.description().en()).contains("Number of household members");
    assertThat(housing.attribute("housingCommune").orElseThrow().codeList())
        .contains("admin-units-2025/commune");
  }

  @Test
  void with_agencyCatalog_addsItsLocalSourceAfterTheNationalOnes() throws Exception {
    SourceCatalog merged = SourceCatalog.builtIn().with(SourceCatalog.load(resource(AGENCY)));

    List<String> ids = new ArrayList<>();
    merged.sources().forEach(s -> ids.add(s.id()));
    List<String> expected = new ArrayList<>(AGREED.keySet());
    expected.add("social-housing");
    assertThat(ids).containsExactlyElementsOf(expected);
    assertThat(merged.source("social-housing").map(RegistrySource::local)).contains(true);
    assertThat(SourceCatalog.builtIn().source("social-housing")).isEmpty();
  }

  @Test
  void with_sameSourceId_otherWinsAndKeepsThePosition() {
    SourceCatalog override =
        SourceCatalog.parse(
            "{\"sources\": {\"population\": {\"name\": {\"vi\": \"Dân cư của tỉnh\"},"
                + " \"local\": true, \"attributes\": {\"fullName\": {\"type\": \"string\","
                + " \"description\": {\"vi\": \"Họ và tên\"}}}}}}",
            "override.json");

    SourceCatalog merged = SourceCatalog.builtIn().with(override);

    RegistrySource population = merged.source("population").orElseThrow();
    assertThat(population.local()).isTrue();
    assertThat(population.attributes().keySet()).containsExactly("fullName");
    assertThat(population.authority()).isEmpty();
    assertThat(population.attribute("fullName").orElseThrow().description().en()).isEmpty();
    assertThat(merged.sources().iterator().next().id()).isEqualTo("population");
    assertThat(merged.sources()).hasSize(AGREED.size());
  }

  @Test
  void parse_notJson_throwsWithPosition() {
    assertThatThrownBy(() -> SourceCatalog.parse("{\"sources\": ", "broken.json"))
        .isInstanceOf(OnceFormException.class)
        .hasMessageContaining("OF-JSON-101")
        .hasMessageContaining("broken.json:1:");
  }

  @Test
  void parse_noSources_throwsNamingFileAndPointer() {
    assertThatThrownBy(() -> SourceCatalog.parse("{\"source\": {}}", "agency.json"))
        .isInstanceOf(OnceFormException.class)
        .hasMessageContaining("OF-CAT-101")
        .hasMessageContaining("agency.json#: 'sources' is required")
        .hasMessageContaining("agency.json#/source: 'source' is not allowed");
  }

  @Test
  void parse_attributeWithUnknownType_throwsNamingItsPointer() {
    String json =
        "{\"sources\": {\"housing\": {\"name\": {\"vi\": \"Nhà ở\"}, \"local\": true,"
            + " \"attributes\": {\"movedIn\": {\"type\": \"date\","
            + " \"description\": {\"vi\": \"Ngày chuyển đến\"}}}}}}";

    assertThatThrownBy(() -> SourceCatalog.parse(json, "agency.json"))
        .isInstanceOf(OnceFormException.class)
        .hasMessageContaining("OF-CAT-101")
        .hasMessageContaining(
            "agency.json#/sources/housing/attributes/movedIn/type: must be one of")
        .hasMessageContaining("\"integer\"");
  }

  @Test
  void parse_sourceWithoutLocalFlagOrVietnameseName_throwsForEach() {
    String json =
        "{\"sources\": {\"housing\": {\"name\": {\"en\": \"Housing\"},"
            + " \"attributes\": {\"owner\": {\"type\": \"string\","
            + " \"description\": {\"vi\": \"Chủ sở hữu\"}}}}}}";

    assertThatThrownBy(() -> SourceCatalog.parse(json, "agency.json"))
        .isInstanceOf(OnceFormException.class)
        .hasMessageContaining("agency.json#/sources/housing: 'local' is required")
        .hasMessageContaining("agency.json#/sources/housing/name: 'vi' is required");
  }

  @Test
  void parse_badSourceId_throws() {
    String json =
        "{\"sources\": {\"Housing DB\": {\"name\": {\"vi\": \"Nhà ở\"}, \"local\": true,"
            + " \"attributes\": {\"owner\": {\"type\": \"string\","
            + " \"description\": {\"vi\": \"Chủ sở hữu\"}}}}}}";

    assertThatThrownBy(() -> SourceCatalog.parse(json, "agency.json"))
        .isInstanceOf(OnceFormException.class)
        .hasMessageContaining("OF-CAT-101")
        .hasMessageContaining(
            "agency.json#/sources/Housing DB: 'Housing DB' is not a valid name here: A source id is"
                + " lower-case words joined by '-'");
  }

  @Test
  void parse_manyProblems_listsTenAndCountsTheRest() {
    StringBuilder attributes = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      attributes.append(i == 0 ? "" : ", ").append("\"a").append(i).append("\": {}");
    }
    String json =
        "{\"sources\": {\"housing\": {\"name\": {\"vi\": \"Nhà ở\"}, \"local\": true,"
            + " \"attributes\": {"
            + attributes
            + "}}}}";

    assertThatThrownBy(() -> SourceCatalog.parse(json, "agency.json"))
        .isInstanceOf(OnceFormException.class)
        .hasMessageContaining("and 14 more");
  }

  @Test
  void load_missingFile_throws(@TempDir Path dir) {
    Path missing = dir.resolve("nope.json");

    assertThatThrownBy(() -> SourceCatalog.load(missing))
        .isInstanceOf(OnceFormException.class)
        .hasMessageContaining("OF-CAT-102")
        .hasMessageContaining("nope.json");
  }

  @Test
  void load_invalidFile_namesTheFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("agency.json");
    Files.writeString(file, "{\"sources\": {}}", StandardCharsets.UTF_8);

    assertThatThrownBy(() -> SourceCatalog.load(file))
        .isInstanceOf(OnceFormException.class)
        .hasMessageContaining("OF-CAT-101")
        .hasMessageContaining(file + "#/sources:");
  }

  /** docs/form-language.md has a table per built-in source with a row per attribute. */
  @Test
  void docsFormLanguage_tablesListEveryBuiltInAttribute() throws Exception {
    String doc =
        Files.readString(Path.of("..", "docs", "form-language.md"), StandardCharsets.UTF_8);

    for (RegistrySource source : SourceCatalog.builtIn().sources()) {
      String heading = "#### `" + source.id() + "` — " + source.name().vi();
      assertThat(doc).contains(heading);
      int start = doc.indexOf(heading);
      int end = doc.indexOf("\n#", start + heading.length());
      String section = doc.substring(start, end < 0 ? doc.length() : end);
      for (SourceAttribute attribute : source.attributes().values()) {
        String row =
            "| `"
                + attribute.name()
                + "` | "
                + attribute.type()
                + " | "
                + attribute.format().map(f -> "`" + f + "`").orElse("")
                + " | "
                + attribute.codeList().map(c -> "`" + c + "`").orElse("")
                + " | "
                + (attribute.identifiesPerson() ? "yes" : "")
                + " | ";
        assertThat(section).as(source.id() + "." + attribute.name()).contains(row);
      }
    }
  }

  @Test
  void toString_listsTheIds() {
    assertThat(SourceCatalog.builtIn().toString()).startsWith("SourceCatalog[population, ");
  }
}
