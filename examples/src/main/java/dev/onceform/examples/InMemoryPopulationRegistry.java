package dev.onceform.examples;

import dev.onceform.core.spi.RegistryAdapter;
import dev.onceform.core.spi.RegistryAnswer;
import dev.onceform.core.spi.RegistryQuery;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A stand-in for the National Population Database, holding a few synthetic citizens. It shows the
 * shape of a real adapter: it answers only the attributes asked for, says "not found" as an answer,
 * and never logs values.
 *
 * <p>Every person here is invented; the numbers follow the rules of the personal identification
 * number (province of birth registration, sex and century digit, year of birth) but belong to no
 * one.
 */
public final class InMemoryPopulationRegistry implements RegistryAdapter {
  /** The synthetic mother, who logs in and applies in the demo. */
  public static final String MOTHER_ID = "066192001234";

  /** The synthetic father. */
  public static final String FATHER_ID = "001090004567";

  private static final Set<String> ATTRIBUTES =
      Set.of(
          "personalId",
          "fullName",
          "dateOfBirth",
          "sex",
          "ethnicity",
          "nationality",
          "permanentAddress");

  private final Map<String, Map<String, String>> people;

  private InMemoryPopulationRegistry(Map<String, Map<String, String>> people) {
    this.people = Map.copyOf(people);
  }

  /** Returns a registry with the demo's synthetic citizens. */
  public static InMemoryPopulationRegistry withSyntheticCitizens() {
    return new InMemoryPopulationRegistry(
        Map.of(
            MOTHER_ID,
            person(
                MOTHER_ID,
                "Nguyễn Thị Hường",
                "1992-04-17",
                "female",
                "Thôn 3, Xã Hòa Phú, Tỉnh Đắk Lắk"),
            FATHER_ID,
            person(
                FATHER_ID,
                "Trần Văn Đức",
                "1990-09-02",
                "male",
                "Thôn 3, Xã Hòa Phú, Tỉnh Đắk Lắk"),
            "079300012345",
            person(
                "079300012345",
                "Lê Ngọc Ánh",
                "2000-01-15",
                "female",
                "Phường Bến Thành, Thành phố Hồ Chí Minh")));
  }

  private static Map<String, String> person(
      String id, String name, String born, String sex, String address) {
    return Map.of(
        "personalId", id,
        "fullName", name,
        "dateOfBirth", born,
        "sex", sex,
        "ethnicity", "01",
        "nationality", "VN",
        "permanentAddress", address);
  }

  @Override
  public String id() {
    return "population-in-memory";
  }

  @Override
  public String source() {
    return "population";
  }

  @Override
  public Set<String> attributes() {
    return ATTRIBUTES;
  }

  @Override
  public String version() {
    return "1.0";
  }

  @Override
  public CompletionStage<RegistryAnswer> fetch(RegistryQuery query) {
    Map<String, String> person = people.get(query.subjectId());
    if (person == null) {
      return CompletableFuture.completedFuture(RegistryAnswer.notFound());
    }
    Map<String, String> asked = new LinkedHashMap<>();
    for (String attribute : query.attributes()) {
      String value = person.get(attribute);
      if (value != null) {
        asked.put(attribute, value);
      }
    }
    return CompletableFuture.completedFuture(
        RegistryAnswer.foundText("CSDLQGDC/" + query.subjectId().substring(0, 3) + "-SYN", asked));
  }
}
