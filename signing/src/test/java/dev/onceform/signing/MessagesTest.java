package dev.onceform.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

class MessagesTest {

  @Test
  void bundles_englishAndVietnamese_haveSameKeys() {
    ResourceBundle english = Messages.bundle(Locale.ROOT);
    ResourceBundle vietnamese = Messages.bundle(Messages.VIETNAMESE);

    assertThat(vietnamese.keySet()).isNotEmpty().isEqualTo(english.keySet());
  }

  @Test
  void bundles_vietnamese_readAsUtf8() {
    ResourceBundle vietnamese = Messages.bundle(Messages.VIETNAMESE);

    assertThat(vietnamese.getString("document.noSignature"))
        .isEqualTo("Tài liệu không có chữ ký số.");
  }

  @Test
  void reason_vietnameseDefaultLocale_englishTextStaysEnglish() {
    // Surefire runs with a Vietnamese default locale; the English text must not follow it.
    LocalizedReason reason = Messages.load().reason("cms.signerCount", List.of("2"));

    assertThat(reason.en())
        .isEqualTo("The signature data must hold exactly one signer, but holds 2.");
    assertThat(reason.vi()).isEqualTo("Dữ liệu chữ ký phải có đúng một người ký nhưng có 2.");
    assertThat(reason.text(Locale.ENGLISH)).isEqualTo(reason.en());
    assertThat(reason.text(Locale.forLanguageTag("vi-VN"))).isEqualTo(reason.vi());
  }

  @Test
  void reason_apostropheInPattern_printedOnce() {
    LocalizedReason reason = Messages.load().reason("cert.signerMissing", List.of());

    assertThat(reason.en()).isEqualTo("The signer's certificate is not included in the signature.");
  }
}
