package dev.onceform.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onceform.core.Submissions;
import dev.onceform.schema.FormDefinition;
import dev.onceform.schema.SampleForms;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;

/** Shared test data: the sample form, a valid submission, synthetic citizens. */
public final class Fixtures {
  public static final String MOTHER_ID = "066192001234";
  public static final String FATHER_ID = "001090004567";
  public static final Set<String> POPULATION_ATTRIBUTES =
      Set.of(
          "personalId",
          "fullName",
          "dateOfBirth",
          "sex",
          "ethnicity",
          "nationality",
          "permanentAddress");

  private Fixtures() {}

  public static FormDefinition birthRegistration() {
    return SampleForms.get("birth-registration", "0.1.0").orElseThrow();
  }

  /** A fresh copy of {@code birth-registration-valid.json}. */
  public static ObjectNode validSubmission() {
    try (InputStream in =
        Fixtures.class.getResourceAsStream("/dev/onceform/core/birth-registration-valid.json")) {
      if (in == null) {
        throw new IllegalStateException("fixture missing");
      }
      JsonNode node = Submissions.parse(in, "birth-registration-valid.json");
      return (ObjectNode) node;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Two synthetic citizens: the mother (in Đắk Lắk) and the father. */
  public static Map<String, Map<String, String>> people() {
    return Map.of(
        MOTHER_ID,
        Map.of(
            "personalId", MOTHER_ID,
            "fullName", "Nguyễn Thị Hường",
            "dateOfBirth", "1992-04-17",
            "sex", "female",
            "ethnicity", "01",
            "nationality", "VN",
            "permanentAddress", "Thôn 3, Xã Hòa Phú, Tỉnh Đắk Lắk"),
        FATHER_ID,
        Map.of(
            "personalId", FATHER_ID,
            "fullName", "Trần Văn Đức",
            "dateOfBirth", "1990-09-02",
            "sex", "male",
            "ethnicity", "01",
            "nationality", "VN",
            "permanentAddress", "Thôn 3, Xã Hòa Phú, Tỉnh Đắk Lắk"));
  }
}
