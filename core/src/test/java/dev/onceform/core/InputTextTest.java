package dev.onceform.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link InputText}'s fast NFC check agrees with the JDK's normaliser. */
class InputTextTest {

  @Test
  void surelyNfc_everyCharItAccepts_isNfcForTheJdk() {
    for (char c = 0; c < 0xFFFF; c++) {
      String one = String.valueOf(c);
      if (InputText.surelyNfc(one) && !Character.isSurrogate(c)) {
        assertThat(Normalizer.isNormalized(one, Normalizer.Form.NFC))
            .as("U+%04X", (int) c)
            .isTrue();
      }
    }
  }

  @Test
  void surelyNfc_randomTextOfThoseChars_isNfcForTheJdk() {
    Random random = new Random(20251123L);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(12); i > 0; i--) {
        text.append(
            random.nextBoolean()
                ? (char) random.nextInt(0x300)
                : (char) (0x1E00 + random.nextInt(0x100)));
      }
      assertThat(Normalizer.isNormalized(text, Normalizer.Form.NFC)).as(text.toString()).isTrue();
      assertThat(InputText.surelyNfc(text.toString())).isTrue();
    }
  }

  @Test
  void nfc_decomposedVietnamese_isComposed_combiningMarksGoToTheFullCheck() {
    String nfd = Normalizer.normalize("Nguyễn Thị Hường", Normalizer.Form.NFD);

    assertThat(InputText.surelyNfc(nfd)).isFalse();
    assertThat(InputText.nfc(nfd)).isEqualTo("Nguyễn Thị Hường");
    assertThat(InputText.surelyNfc("Nguyễn Thị Hường, Xã Hòa Phú, Đắk Lắk")).isTrue();
    String composed = "Đặng Văn Ước";
    assertThat(InputText.nfc(composed)).isSameAs(composed);
  }

  @Test
  void scan_agreesWithTheSeparateChecks() {
    Random random = new Random(7L);
    char[] alphabet = {
      'a', 'Đ', 'ư', 'ễ', '\t', '\n', '\u0000', '\u001f', '\u007f', '\u0085', '\u009f', '\u00a0',
      '\u0300', '\u0301', '\u2126', '\u201c', '\uac00', '\ud83d', '\ude00', '\u1e00', '\u1eff',
      '\u1f00'
    };
    for (int n = 0; n < 50_000; n++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(8); i > 0; i--) {
        text.append(alphabet[random.nextInt(alphabet.length)]);
      }
      String s = text.toString();
      long scan = InputText.scan(s);
      int bad = InputText.badChar(s);
      if (bad != InputText.OK) {
        assertThat(scan).as(s).isEqualTo(-(bad + 1L));
      } else {
        assertThat(scan & ~InputText.MAYBE_NOT_NFC).as(s).isEqualTo(InputText.utf8Length(s));
        assertThat((scan & InputText.MAYBE_NOT_NFC) == 0).as(s).isEqualTo(InputText.surelyNfc(s));
      }
    }
  }
}
