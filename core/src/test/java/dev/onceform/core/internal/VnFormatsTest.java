package dev.onceform.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VnFormatsTest {

  @ParameterizedTest
  @ValueSource(strings = {"001090004567", "066192001234", "079300000001", "096199123456"})
  void isPersonalId_twelveDigitsWithKnownProvince_true(String id) {
    assertThat(VnFormats.isPersonalId(id)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "00109000456",
        "0010900045678",
        "003090004567",
        "099090004567",
        "00109000456a",
        "０01090004567"
      })
  void isPersonalId_wrongLengthUnknownProvinceOrNotDigits_false(String id) {
    assertThat(VnFormats.isPersonalId(id)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"0100109106", "0100107370", "0100109106-001", "0100109106-999", "066192001234"})
  void isTaxCode_publishedCodesBranchesAndPersonalIds_true(String code) {
    assertThat(VnFormats.isTaxCode(code)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"0100109107", "0100109106-000", "010010910", "0100109106001", "0000000000"})
  void isTaxCode_wrongCheckDigitOrShape_false(String code) {
    assertThat(VnFormats.isTaxCode(code)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0912345678",
        "0321234567",
        "0561234567",
        "0771234567",
        "0861234567",
        "+84912345678",
        "02438253536",
        "02363822222",
        "+842838291234"
      })
  void phone_mobileOrLandline_matches(String phone) {
    assertThat(VnFormats.rule("vn-phone").orElseThrow().test(phone)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "84912345678",
        "0412345678",
        "0112345678",
        "0612345678",
        "091234567",
        "09123456789",
        "0283829123",
        "0912 345 678",
        "0912.345.678",
        "+840912345678",
        "1900123456",
        "0912345678\n"
      })
  void phone_wrongPrefixLengthOrSeparators_doesNotMatch(String phone) {
    assertThat(VnFormats.rule("vn-phone").orElseThrow().test(phone)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"01", "96", "00004", "26740"})
  void isCurrentAdminUnit_currentCodes_true(String code) {
    assertThat(VnFormats.isCurrentAdminUnit(code)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"02", "74", "00001", "00007", "99999", "0007", "１2"})
  void isCurrentAdminUnit_retiredUnknownOrMalformed_false(String code) {
    assertThat(VnFormats.isCurrentAdminUnit(code)).isFalse();
  }

  /** The hand-written checks accept exactly what the regular expressions of the rules accept. */
  @Test
  void shapes_randomStrings_agreeWithTheRegularExpressions() {
    Pattern twelveDigits = Pattern.compile("[0-9]{12}");
    Pattern phone = Pattern.compile("(?:0|\\+84)(?:[35789][0-9]{8}|2[0-9]{9})");
    Pattern adminUnit = Pattern.compile("[0-9]{2}(?:[0-9]{3})?");
    Predicate<String> isPhone = VnFormats.rule("vn-phone").orElseThrow();
    String alphabet = "0123456789012345678901234567890123456789+84 a\n０";
    Random random = new Random(5);
    for (int n = 0; n < 200_000; n++) {
      String prefix = List.of("", "0", "+84", "066", "02", "09").get(random.nextInt(6));
      StringBuilder value = new StringBuilder(prefix);
      for (int length = random.nextInt(14); length > 0; length--) {
        value.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String s = value.toString();
      assertThat(VnFormats.isPersonalId(s))
          .as(s)
          .isEqualTo(
              twelveDigits.matcher(s).matches()
                  && VnFormats.ID_PROVINCE_CODES.contains(s.substring(0, 3)));
      assertThat(isPhone.test(s)).as(s).isEqualTo(phone.matcher(s).matches());
      if (!adminUnit.matcher(s).matches()) {
        assertThat(VnFormats.isCurrentAdminUnit(s)).as(s).isFalse();
      }
    }
  }
}
