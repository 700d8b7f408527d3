package dev.onceform.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Pkcs11Config} and the failures of {@link SignerKeys#pkcs11} that need no token. */
class Pkcs11ConfigTest {

  private static final String UNSET_VARIABLE = "ONCEFORM_TEST_PIN_THAT_IS_NEVER_SET";

  @Test
  void build_slotAndSlotListIndex_throwsNamingBoth() {
    Pkcs11Config.Builder builder =
        Pkcs11Config.builder().library(Path.of("lib.so")).pin("1234".toCharArray()).slot(3);

    assertThatThrownBy(() -> builder.slotListIndex(1).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("slot (3)")
        .hasMessageContaining("slotListIndex (1)");
  }

  @Test
  void build_withoutPin_throwsSayingHowToPassIt() {
    Pkcs11Config.Builder builder = Pkcs11Config.builder().library(Path.of("lib.so"));

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("pinFromEnvironment");
  }

  @Test
  void slot_negative_throwsQuotingValue() {
    assertThatThrownBy(() -> Pkcs11Config.builder().slot(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
  }

  @Test
  void pin_callerClearsArray_configKeepsItsCopy() {
    char[] pin = "1234".toCharArray();
    Pkcs11Config config = Pkcs11Config.builder().library(Path.of("lib.so")).pin(pin).build();
    Arrays.fill(pin, '\0');

    assertThat(config.resolvePin()).containsExactly('1', '2', '3', '4');
  }

  @Test
  void toString_neverShowsThePin() {
    Pkcs11Config config =
        Pkcs11Config.builder()
            .library(Path.of("/usr/lib/softhsm/libsofthsm2.so"))
            .slot(42)
            .pin("secret-987".toCharArray())
            .keyAlias("signer")
            .build();

    assertThat(config.toString())
        .isEqualTo("Pkcs11Config[libsofthsm2.so/slot-42#signer, pin given]")
        .doesNotContain("secret-987");
  }

  @Test
  void pkcs11_pinVariableNotSet_throwsPinMissing() {
    Pkcs11Config config =
        Pkcs11Config.builder()
            .library(Path.of("lib.so"))
            .pinFromEnvironment(UNSET_VARIABLE)
            .build();

    assertThatThrownBy(() -> SignerKeys.pkcs11(config))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("OF-SIGN-114")
        .hasMessageContaining(UNSET_VARIABLE)
        .hasMessageContaining("not set");
  }

  @Test
  void pkcs11_missingLibrary_throwsLibraryNamingPath(@TempDir Path directory) {
    Path missing = directory.resolve("libmissing.so");
    Pkcs11Config config = Pkcs11Config.builder().library(missing).pin("1234".toCharArray()).build();

    assertThatThrownBy(() -> SignerKeys.pkcs11(config))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("OF-SIGN-111")
        .hasMessageContaining("libmissing.so")
        .hasMessageContaining("does not exist");
  }

  @Test
  void pkcs11_libraryNotAPkcs11Module_throwsLibrary(@TempDir Path directory) throws Exception {
    Path notALibrary = Files.writeString(directory.resolve("notes.so"), "not a shared library");
    Pkcs11Config config =
        Pkcs11Config.builder().library(notALibrary).pin("1234".toCharArray()).build();

    assertThatThrownBy(() -> SignerKeys.pkcs11(config))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("OF-SIGN-111")
        .hasMessageContaining("could not be loaded as a PKCS#11 library");
  }
}
