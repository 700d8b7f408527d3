package dev.onceform.core.spi;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A registry's answer to one {@link RegistryQuery}.
 *
 * <p>{@link #toString()} names the attributes, never their values.
 *
 * @param status whether the record was found, or why not
 * @param values attribute name to value, for the attributes the registry holds; attributes it does
 *     not hold are simply absent
 * @param recordReference the registry's reference of the record, for provenance
 * @param detail a short explanation for a status other than {@code FOUND}, without personal data
 */
public record RegistryAnswer(
    Status status, Map<String, JsonNode> values, Optional<String> recordReference, String detail) {

  /** The outcome of a query. */
  public enum Status {
    /** The record exists; {@link #values()} holds what it has. */
    FOUND,
    /** The registry has no record for the subject. */
    NOT_FOUND,
    /** The registry refused the query (for example, the purpose is not authorised). */
    REFUSED,
    /** The registry could not be reached or failed. */
    UNAVAILABLE,
    /** The registry answered with data the adapter could not understand. */
    BAD_DATA
  }

  /** Checks the parts and copies the values. */
  public RegistryAnswer {
    requireNonNull(status, "status");
    values = Map.copyOf(values);
    requireNonNull(recordReference, "recordReference");
    requireNonNull(detail, "detail");
  }

  /** Returns a found record with JSON values (strings, numbers, objects). */
  public static RegistryAnswer found(String recordReference, Map<String, JsonNode> values) {
    return new RegistryAnswer(
        Status.FOUND, values, Optional.of(requireNonNull(recordReference, "recordReference")), "");
  }

  /** Returns a found record whose values are all text. */
  public static RegistryAnswer foundText(String recordReference, Map<String, String> values) {
    Map<String, JsonNode> json = new LinkedHashMap<>();
    values.forEach((name, value) -> json.put(name, TextNode.valueOf(value)));
    return found(recordReference, json);
  }

  /** Returns "no record for this subject". */
  public static RegistryAnswer notFound() {
    return new RegistryAnswer(Status.NOT_FOUND, Map.of(), Optional.empty(), "no record");
  }

  /**
   * Returns a failed answer.
   *
   * @param status the kind of failure (not {@code FOUND})
   * @param detail what went wrong, without personal data
   */
  public static RegistryAnswer failed(Status status, String detail) {
    if (status == Status.FOUND) {
      throw new IllegalArgumentException("a failed answer cannot have status FOUND");
    }
    return new RegistryAnswer(status, Map.of(), Optional.empty(), detail);
  }

  /** Returns a description that names the attributes but not their values. */
  @Override
  public String toString() {
    return "RegistryAnswer[status=" + status + ", attributes=" + values.keySet() + "]";
  }
}
