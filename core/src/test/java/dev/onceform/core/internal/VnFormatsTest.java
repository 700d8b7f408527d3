package dev.onceform.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

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
}
