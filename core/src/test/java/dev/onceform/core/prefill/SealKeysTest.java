package dev.onceform.core.prefill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onceform.schema.OnceFormException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SealKeysTest {
  private static final byte[] DATA = "header.payload".getBytes(StandardCharsets.US_ASCII);

  private static byte[] key(int seed, int length) {
    byte[] key = new byte[length];
    Arrays.fill(key, (byte) seed);
    return key;
  }

  @Test
  void build_oneKey_isCurrent() {
    SealKeys keys = SealKeys.builder().hmac("k1", key(1, 32)).build();

    assertThat(keys.currentKeyId()).isEqualTo("k1");
    assertThat(keys.keyIds()).containsExactly("k1");
  }

  @Test
  void hmac_keyShorterThan32Bytes_rejected() {
    assertThatThrownBy(() -> SealKeys.builder().hmac("k1", key(1, 31)))
        .isInstanceOf(OnceFormException.class)
        .hasMessageContaining("OF-SEAL-101")
        .hasMessageContaining("31 bytes");
  }

  @Test
  void hmac_malformedOrDuplicateId_rejected() {
    assertThatThrownBy(() -> SealKeys.builder().hmac("k 1", key(1, 32)))
        .hasMessageContaining("OF-SEAL-102");
    assertThatThrownBy(() -> SealKeys.builder().hmac("", key(1, 32)))
        .hasMessageContaining("OF-SEAL-102");
    assertThatThrownBy(() -> SealKeys.builder().hmac("k1", key(1, 32)).hmac("k1", key(2, 32)))
        .hasMessageContaining("OF-SEAL-102")
        .hasMessageContaining("already used");
  }

  @Test
  void build_noKeys_severalWithoutCurrent_unknownCurrent_rejected() {
    assertThatThrownBy(() -> SealKeys.builder().build()).hasMessageContaining("OF-SEAL-103");
    assertThatThrownBy(() -> SealKeys.builder().hmac("a", key(1, 32)).hmac("b", key(2, 32)).build())
        .hasMessageContaining("OF-SEAL-103")
        .hasMessageContaining("current(id)");
    assertThatThrownBy(() -> SealKeys.builder().hmac("a", key(1, 32)).current("b").build())
        .hasMessageContaining("OF-SEAL-103")
        .hasMessageContaining("'b'");
  }

  @Test
  void mac_verifiesUnderItsKeyOnly() {
    SealKeys keys =
        SealKeys.builder().hmac("old", key(1, 32)).hmac("new", key(2, 32)).current("new").build();

    byte[] mac = keys.mac("old", DATA);

    assertThat(mac).hasSize(32);
    assertThat(keys.verifyMac("old", DATA, mac)).isTrue();
    assertThat(keys.verifyMac("new", DATA, mac)).isFalse();
    assertThat(keys.verifyMac("gone", DATA, mac)).isFalse();
    assertThat(keys.verifyMac("old", "other".getBytes(StandardCharsets.US_ASCII), mac)).isFalse();
    assertThatThrownBy(() -> keys.mac("gone", DATA)).hasMessageContaining("OF-SEAL-104");
  }

  @Test
  void hmac_keyArrayChangedAfterwards_keyUnchanged() {
    byte[] key = key(1, 32);
    SealKeys keys = SealKeys.builder().hmac("k1", key).build();
    byte[] before = keys.mac("k1", DATA);

    Arrays.fill(key, (byte) 0);

    assertThat(keys.mac("k1", DATA)).isEqualTo(before);
  }

  @Test
  void ofNullable_blankMeansNoSeal() {
    assertThat(PrefillSeal.ofNullable(null)).isEmpty();
    assertThat(PrefillSeal.ofNullable(" ")).isEmpty();
    assertThat(PrefillSeal.ofNullable("a.b.c")).contains(PrefillSeal.of("a.b.c"));
  }
}
