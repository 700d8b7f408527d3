package dev.onceform.core.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onceform.schema.OnceFormException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class QrReferenceTest {
  private static final byte[] JSON = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);

  @Test
  void encode_thenParse_roundTrips() {
    QrReference reference = QrReference.of("HS-2026-000123", JSON);

    assertThat(reference.encode()).matches("OF1:HS-2026-000123:[A-Za-z0-9_-]{43}");
    assertThat(QrReference.parse(reference.encode())).contains(reference);
  }

  @Test
  void parse_foreignText_empty() {
    assertThat(QrReference.parse("https://example.com/")).isEmpty();
    assertThat(QrReference.parse("OF1:x:tooShort")).isEmpty();
  }

  @Test
  void of_receiptWithColonOrNonAscii_reportsOfPdf105() {
    assertThatThrownBy(() -> QrReference.of("HS:1", JSON))
        .isInstanceOf(OnceFormException.class)
        .hasMessageStartingWith("OF-PDF-105: receipt number 'HS:1' cannot go into the QR code");
    assertThatThrownBy(() -> QrReference.of("Hồ sơ 1", JSON))
        .isInstanceOf(OnceFormException.class)
        .hasMessageStartingWith("OF-PDF-105");
  }
}
