package dev.onceform.core.prefill;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What prefill produced: a draft submission with the values found in registries, where each value
 * came from, and which bound fields the citizen must fill in.
 *
 * @param formId the form's id and version, e.g. {@code birth-registration@0.1.0}
 * @param correlationId the id shared by every registry query of this prefill
 * @param data the draft submission (a copy; changing it does not change this result)
 * @param provenance JSON Pointer of each filled field to its provenance
 * @param manual the bound fields left for the citizen, with the reason
 * @param seal the seal over the locked fields filled from registries, to send to the browser and
 *     back with the submission; empty when the engine has no {@link SealKeys} or the form has no
 *     locked ({@code x-prefill.lock}) fields
 */
public record PrefillResult(
    String formId,
    String correlationId,
    JsonNode data,
    Map<String, Provenance> provenance,
    List<ManualField> manual,
    Optional<PrefillSeal> seal) {

  /** Checks the parts and copies them. */
  public PrefillResult {
    requireNonNull(formId, "formId");
    requireNonNull(correlationId, "correlationId");
    requireNonNull(seal, "seal");
    data = data.deepCopy();
    provenance = Map.copyOf(provenance);
    manual = List.copyOf(manual);
  }

  /** Returns a result without a seal. */
  public PrefillResult(
      String formId,
      String correlationId,
      JsonNode data,
      Map<String, Provenance> provenance,
      List<ManualField> manual) {
    this(formId, correlationId, data, provenance, manual, Optional.empty());
  }

  /** Returns this result with a seal. */
  public PrefillResult withSeal(PrefillSeal seal) {
    return new PrefillResult(formId, correlationId, data, provenance, manual, Optional.of(seal));
  }

  /** Returns a copy of the draft submission. */
  @Override
  public JsonNode data() {
    return data.deepCopy();
  }
}
