package dev.onceform.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static String canonical(String json) throws Exception {
    return CanonicalJson.write(MAPPER.readTree(json));
  }

  @Test
  void write_sortsMembers_dropsWhiteSpace() throws Exception {
    assertThat(canonical("{ \"b\": [1, 2], \"a\": {\"y\": true, \"x\": null} }"))
        .isEqualTo("{\"a\":{\"x\":null,\"y\":true},\"b\":[1,2]}");
  }

  @Test
  void write_equalNumbers_sameText() throws Exception {
    assertThat(canonical("5")).isEqualTo(canonical("5.0")).isEqualTo(canonical("5e0"));
    assertThat(canonical("1.50")).isEqualTo("1.5");
  }

  @Test
  void write_strings_nfcAndEscaped() throws Exception {
    assertThat(canonical("\"Tra\\u0302\\u0300n\"")).isEqualTo(canonical("\"Trần\""));
    assertThat(canonical("\"a\\\"b\"")).isEqualTo("\"a\\\"b\"");
  }
}
