package dev.onceform.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onceform.schema.AdminUnit.Type;
import dev.onceform.schema.AdminUnitConversion.Kind;
import dev.onceform.schema.AdminUnitConversion.Status;
import dev.onceform.schema.AdminUnitConversion.Successor;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AdministrativeUnitsTest {
  private final AdministrativeUnits units = AdministrativeUnits.builtIn();

  @Test
  void builtIn_isTheGsoSnapshotOf20261008() {
    assertThat(units.version()).isEqualTo("2026-10-08");
    assertThat(units.source()).contains("danhmuchanhchinh.nso.gov.vn").contains("Licence:");
    assertThat(AdministrativeUnits.builtIn()).isSameAs(units);
  }

  @Test
  void provinces_are34_9CitiesAnd25Provinces() {
    assertThat(units.provinces()).hasSize(34);
    assertThat(units.provinces()).filteredOn(p -> p.type() == Type.CITY).hasSize(9);
    assertThat(units.provinces()).filteredOn(p -> p.type() == Type.PROVINCE).hasSize(25);
    assertThat(units.provinces()).allMatch(p -> p.provinceCode().equals(p.code()));
  }

  @Test
  void province_knownCodes() {
    assertThat(units.province("01"))
        .contains(new AdminUnit("01", "Thành phố Hà Nội", Type.CITY, "01"));
    assertThat(units.province("79"))
        .contains(new AdminUnit("79", "Thành phố Hồ Chí Minh", Type.CITY, "79"));
    // Đồng Nai became a centrally-run city on 2026-04-30.
    assertThat(units.province("75")).get().extracting(AdminUnit::type).isEqualTo(Type.CITY);
    assertThat(units.province("08")).get().extracting(AdminUnit::type).isEqualTo(Type.PROVINCE);
  }

  @Test
  void province_oldOrUnusedCode_isEmpty() {
    assertThat(units.province("74")).isEmpty();
    assertThat(units.province("00")).isEmpty();
  }

  @Test
  void communes_are3321ByType() {
    Map<Type, Integer> byType = new EnumMap<>(Type.class);
    int total = 0;
    for (AdminUnit province : units.provinces()) {
      for (AdminUnit commune : units.communes(province.code())) {
        assertThat(commune.provinceCode()).isEqualTo(province.code());
        byType.merge(commune.type(), 1, Integer::sum);
        total++;
      }
    }

    assertThat(total).isEqualTo(3321);
    assertThat(byType)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(Type.WARD, 709, Type.COMMUNE, 2599, Type.SPECIAL_ZONE, 13));
  }

  @Test
  void communes_ofAProvince() {
    assertThat(units.communes("01"))
        .hasSize(126)
        .first()
        .extracting(AdminUnit::code)
        .isEqualTo("00004");
    assertThat(units.communes("79")).hasSize(168);
    assertThat(units.communes("74")).isEmpty();
  }

  @Test
  void commune_knownCodes() {
    assertThat(units.commune("00004"))
        .contains(new AdminUnit("00004", "Phường Ba Đình", Type.WARD, "01"));
    assertThat(units.commune("26732"))
        .contains(new AdminUnit("26732", "Đặc khu Côn Đảo", Type.SPECIAL_ZONE, "79"));
    assertThat(units.commune("06970")).get().extracting(AdminUnit::name).isEqualTo("Xã Ba Chẽ");
    assertThat(units.commune("06978")).isEmpty();
  }

  @Test
  void commune_namesAreKeptAsTheGsoWritesThem() {
    assertThat(units.commune("06325")).get().extracting(AdminUnit::name).isEqualTo("xã Bắc Sơn");
    assertThat(units.commune("00922")).get().extracting(AdminUnit::name).isEqualTo("Xã Thuận Hoà");
  }

  @Test
  void commune_retiredCode_isEmpty() {
    assertThat(units.commune("00001")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "4", "0004", "000004", "0000A", " 00004", "１２３４５", "-0004"})
  void commune_malformedCode_isRejected(String code) {
    assertThatThrownBy(() -> units.commune(code))
        .isInstanceOf(OnceFormException.class)
        .hasMessageContaining("OF-CODE-102")
        .hasMessageContaining("5 ASCII digits");
    assertThatThrownBy(() -> units.current(code))
        .isInstanceOf(OnceFormException.class)
        .hasMessageContaining("OF-CODE-102");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1", "001", "0A", "٠١"})
  void province_malformedCode_isRejected(String code) {
    assertThatThrownBy(() -> units.province(code))
        .isInstanceOf(OnceFormException.class)
        .hasMessageContaining("OF-CODE-103")
        .hasMessageContaining("2 ASCII digits");
    assertThatThrownBy(() -> units.communes(code)).hasMessageContaining("OF-CODE-103");
    assertThatThrownBy(() -> units.currentProvince(code)).hasMessageContaining("OF-CODE-103");
  }

  @Test
  void malformedCode_longTextIsNotQuoted() {
    assertThatThrownBy(() -> units.commune("Phường Ba Đình, Hà Nội"))
        .hasMessageContaining("a 22-char text")
        .hasMessageNotContaining("Ba Đình");
  }

  @Test
  void current_wholeCommune_isExact() {
    AdminUnitConversion conversion = units.current("00001");

    assertThat(conversion.status()).isEqualTo(Status.EXACT);
    assertThat(conversion.oldName()).contains("Phường Phúc Xá");
    assertThat(conversion.target()).contains(units.commune("00097").orElseThrow());
    assertThat(conversion.successors())
        .containsExactly(new Successor(units.commune("00097").orElseThrow(), Kind.WHOLE));
  }

  @Test
  void current_successorCarriesItsCurrentNameAndType() {
    // Xã Lộc Thuận went into 25270 "Xã Lộc Ninh", which became "Phường Lộc Ninh" on 2026-04-30.
    AdminUnitConversion conversion = units.current("25288");

    assertThat(conversion.target())
        .contains(new AdminUnit("25270", "Phường Lộc Ninh", Type.WARD, "75"));
  }

  @Test
  void current_splitCommune_isAmbiguousWithCandidates() {
    AdminUnitConversion conversion = units.current("00007");

    assertThat(conversion.status()).isEqualTo(Status.AMBIGUOUS);
    assertThat(conversion.oldName()).contains("Phường Cống Vị");
    assertThat(conversion.target()).isEmpty();
    assertThat(conversion.successors())
        .extracting(s -> s.unit().code() + " " + s.unit().name() + " " + s.kind())
        .containsExactly("00008 Phường Ngọc Hà PART", "00025 Phường Giảng Võ PART");
  }

  @Test
  void current_splitWithOnePopulationTarget_isExactForResidents() {
    AdminUnitConversion conversion = units.current("00112");

    assertThat(conversion.status()).isEqualTo(Status.EXACT);
    assertThat(conversion.oldName()).contains("Phường Thụy Khuê");
    assertThat(conversion.target()).get().extracting(AdminUnit::code).isEqualTo("00103");
    assertThat(conversion.successors())
        .extracting(s -> s.unit().code() + " " + s.kind())
        .containsExactly("00004 AREA_PART", "00103 AREA_PART_POPULATION_WHOLE");
  }

  @Test
  void current_areaWholeButPopulationSplit_isAmbiguous() {
    AdminUnitConversion conversion = units.current("18796");

    assertThat(conversion.status()).isEqualTo(Status.AMBIGUOUS);
    assertThat(conversion.successors())
        .extracting(Successor::kind)
        .containsExactly(Kind.POPULATION_PART, Kind.AREA_WHOLE, Kind.POPULATION_PART);
  }

  @Test
  void current_theThreeCorrectedTableRows() {
    // The GSO table gives 00553, 01615 and 02485 for these three communes.
    assertThat(units.current("00556").oldName()).contains("Xã Đặng Xá");
    assertThat(units.current("00556").target())
        .get()
        .extracting(AdminUnit::code)
        .isEqualTo("00562");
    assertThat(units.current("01651").oldName()).contains("Xã Mỹ Hưng");
    assertThat(units.current("01651").target())
        .get()
        .extracting(AdminUnit::code)
        .isEqualTo("01648");
    assertThat(units.current("02482").oldName()).contains("Xã Phú Thịnh");
    assertThat(units.current("02482").target())
        .get()
        .extracting(AdminUnit::code)
        .isEqualTo("02494");
    // ... and the codes the table wrongly used keep their own communes.
    assertThat(units.current("00553").oldName()).contains("Xã Cổ Bi");
    assertThat(units.current("00553").status()).isEqualTo(Status.AMBIGUOUS);
    assertThat(units.current("01615").target())
        .get()
        .extracting(AdminUnit::code)
        .isEqualTo("01636");
    assertThat(units.current("02485").target())
        .get()
        .extracting(AdminUnit::code)
        .isEqualTo("02458");
  }

  @Test
  void current_codeRetiredBeforeJune2025_isUnknown() {
    AdminUnitConversion conversion = units.current("26935");

    assertThat(conversion.status()).isEqualTo(Status.UNKNOWN);
    assertThat(conversion.oldCode()).isEqualTo("26935");
    assertThat(conversion.oldName()).isEmpty();
    assertThat(conversion.successors()).isEmpty();
    assertThat(conversion.target()).isEmpty();
    assertThat(units.current("99999").status()).isEqualTo(Status.UNKNOWN);
  }

  @Test
  void current_codeKeptByTheNewCommune_convertsToItself() {
    // 00004 was Phường Trúc Bạch; the new, larger Phường Ba Đình kept its code.
    AdminUnitConversion conversion = units.current("00004");

    assertThat(conversion.oldName()).contains("Phường Trúc Bạch");
    assertThat(conversion.target()).get().extracting(AdminUnit::name).isEqualTo("Phường Ba Đình");
  }

  @Test
  void current_wholeTable_counts() {
    Map<Status, Integer> byStatus = new EnumMap<>(Status.class);
    for (int i = 0; i < 100_000; i++) {
      String code = Integer.toString(100_000 + i).substring(1);
      byStatus.merge(units.current(code).status(), 1, Integer::sum);
    }

    assertThat(byStatus.get(Status.EXACT)).isEqualTo(9_595 + 58);
    assertThat(byStatus.get(Status.AMBIGUOUS)).isEqualTo(382);
  }

  @Test
  void currentProvince_mergedProvince() {
    assertThat(units.currentProvince("74")).isEqualTo(units.province("79"));
    assertThat(units.currentProvince("02"))
        .get()
        .extracting(AdminUnit::name)
        .isEqualTo("Tỉnh Tuyên Quang");
    assertThat(units.currentProvince("01")).isEqualTo(units.province("01"));
  }

  @Test
  void currentProvince_all63OldProvincesConvert() {
    List<String> old =
        java.util.stream.IntStream.range(0, 100)
            .mapToObj(i -> String.format(Locale.ROOT, "%02d", i))
            .filter(code -> units.currentProvince(code).isPresent())
            .toList();

    assertThat(old).hasSize(63);
    assertThat(units.currentProvince("03")).isEqualTo(Optional.empty());
  }

  @Test
  void conversion_statusMustAgreeWithSuccessors() {
    AdminUnit a = units.commune("00008").orElseThrow();
    AdminUnit b = units.commune("00025").orElseThrow();
    List<Successor> split = List.of(new Successor(a, Kind.PART), new Successor(b, Kind.PART));

    assertThatThrownBy(
            () -> new AdminUnitConversion("00007", Optional.of("x"), Status.EXACT, split))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new AdminUnitConversion("00007", Optional.empty(), Status.UNKNOWN, split))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void adminUnit_rejectsInconsistentParts() {
    assertThatThrownBy(() -> new AdminUnit("01", "Thành phố Hà Nội", Type.CITY, "79"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AdminUnit("004", "Phường Ba Đình", Type.WARD, "01"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
