package dev.onceform.core.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onceform.core.Purpose;
import dev.onceform.core.Subject;
import dev.onceform.core.audit.AuditEvent;
import dev.onceform.core.audit.AuditSink;
import dev.onceform.core.prefill.ManualField;
import dev.onceform.core.prefill.ManualField.Reason;
import dev.onceform.core.prefill.PrefillResult;
import dev.onceform.core.prefill.Provenance;
import dev.onceform.core.spi.RegistryAdapter;
import dev.onceform.core.spi.RegistryAnswer;
import dev.onceform.core.spi.RegistryQuery;
import dev.onceform.schema.FieldDefinition;
import dev.onceform.schema.FormDefinition;
import dev.onceform.schema.PrefillBinding;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Runs one prefill: asks every adapter in parallel, once per subject, for exactly the bound
 * attributes, waits until the deadline, and writes the accepted values into the draft. A person
 * whose ID only becomes known from the answers (a pointer subject) is asked in a further round. One
 * instance per call; not thread-safe.
 */
final class Prefiller {
  private static final Pattern PERSONAL_ID = Pattern.compile("[0-9]{12}");

  private final FormDefinition form;
  private final Map<String, RegistryAdapter> adapters;
  private final SourceGuards guards;
  private final AuditSink audit;
  private final Clock clock;
  private final Subject subject;
  private final Purpose purpose;
  private final long deadlineNanos;
  private final String correlationId = UUID.randomUUID().toString();
  private final ObjectNode data;
  private final Map<String, Provenance> provenance = new LinkedHashMap<>();
  private final List<ManualField> manual = new ArrayList<>();

  Prefiller(
      FormDefinition form,
      Map<String, RegistryAdapter> adapters,
      SourceGuards guards,
      Clock clock,
      Duration timeout,
      Subject subject,
      Purpose purpose,
      JsonNode draft,
      AuditSink audit) {
    this.form = form;
    this.adapters = adapters;
    this.guards = guards;
    this.audit = audit;
    this.clock = clock;
    this.subject = subject;
    this.purpose = purpose;
    this.deadlineNanos = System.nanoTime() + timeout.toNanos();
    this.data =
        draft.isObject() ? (ObjectNode) draft.deepCopy() : JsonNodeFactory.instance.objectNode();
  }

  PrefillResult run(PrefillPlan plan) {
    manual.addAll(plan.unserved());
    Map<String, Map<String, List<FieldDefinition>>> pending = new LinkedHashMap<>(plan.calls());
    List<RegistryCall> round = nextRound(pending);
    while (!round.isEmpty()) {
      round.forEach(RegistryCall::start);
      for (RegistryCall call : round) {
        RegistryCall.Outcome outcome = call.await();
        audit(call, outcome);
        apply(call, outcome, plan);
      }
      round = nextRound(pending);
    }
    pending.forEach(
        (subjectKey, bySource) ->
            bySource.values().stream()
                .flatMap(List::stream)
                .forEach(
                    field ->
                        manual.add(
                            new ManualField(
                                field.pointer(),
                                Reason.SUBJECT_UNKNOWN,
                                "no personal ID at " + subjectKey))));
    return new PrefillResult(form.toString(), correlationId, data, provenance, manual);
  }

  /** Takes from {@code pending} every subject whose ID is now known, one call per source. */
  private List<RegistryCall> nextRound(Map<String, Map<String, List<FieldDefinition>>> pending) {
    List<RegistryCall> calls = new ArrayList<>();
    for (String subjectKey : List.copyOf(pending.keySet())) {
      Optional<String> id = personalId(subjectKey);
      if (id.isPresent()) {
        pending
            .remove(subjectKey)
            .forEach((source, fields) -> calls.add(call(id.get(), source, fields)));
      }
    }
    return calls;
  }

  private Optional<String> personalId(String subjectKey) {
    if (subjectKey.equals(PrefillBinding.APPLICANT)) {
      return Optional.of(subject.personalId());
    }
    JsonNode value = data.at(subjectKey);
    return value.isTextual() && PERSONAL_ID.matcher(value.asText()).matches()
        ? Optional.of(value.asText())
        : Optional.empty();
  }

  /** A call under the sooner of the overall deadline and the source's own timeout. */
  private RegistryCall call(String personalId, String source, List<FieldDefinition> fields) {
    Set<String> attributes = new LinkedHashSet<>();
    fields.forEach(field -> attributes.add(field.prefill().orElseThrow().attribute()));
    SourceGuards.Guard guard = guards.guard(source);
    long left = Math.max(deadlineNanos - System.nanoTime(), 0);
    long budget = guard.policy().timeout().map(t -> Math.min(t.toNanos(), left)).orElse(left);
    RegistryQuery query =
        new RegistryQuery(
            source,
            personalId,
            attributes,
            purpose,
            form.toString(),
            correlationId,
            clock.instant().plusNanos(budget));
    return new RegistryCall(
        requireNonNull(adapters.get(source), source),
        query,
        fields,
        guard.breaker(),
        System.nanoTime() + budget);
  }

  /**
   * Records a finished (or skipped) call: names and codes only, the subject as its role, never
   * values.
   */
  private void audit(RegistryCall call, RegistryCall.Outcome outcome) {
    AuditEvent.Outcome result =
        outcome instanceof RegistryCall.Answered answered
            ? AuditEvent.Outcome.of(answered.answer().status())
            : switch (((RegistryCall.Failed) outcome).reason()) {
              case TIMEOUT -> AuditEvent.Outcome.TIMEOUT;
              case CIRCUIT_OPEN -> AuditEvent.Outcome.CIRCUIT_OPEN;
              case BAD_VALUE -> AuditEvent.Outcome.BAD_DATA;
              default -> AuditEvent.Outcome.UNAVAILABLE;
            };
    audit.record(
        new AuditEvent(
            clock.instant(),
            correlationId,
            form.toString(),
            purpose.code(),
            call.source(),
            call.adapter().id(),
            call.fields().get(0).prefill().orElseThrow().subject(),
            new TreeSet<>(call.query().attributes()),
            result,
            call.elapsed()));
  }

  private void apply(RegistryCall call, RegistryCall.Outcome outcome, PrefillPlan plan) {
    if (outcome instanceof RegistryCall.Failed failed) {
      call.fields().forEach(f -> leaveManual(f, failed.reason(), failed.detail(), List.of()));
      return;
    }
    RegistryAnswer answer = ((RegistryCall.Answered) outcome).answer();
    Instant retrievedAt = clock.instant();
    for (FieldDefinition field : call.fields()) {
      PrefillBinding binding = field.prefill().orElseThrow();
      String from = call.source() + "." + binding.attribute();
      if (answer.status() != RegistryAnswer.Status.FOUND) {
        leaveManual(
            field, reasonFor(answer.status()), call.source() + ": " + answer.detail(), List.of());
        continue;
      }
      JsonNode value = answer.values().get(binding.attribute());
      if (value == null || value.isNull()) {
        leaveManual(
            field, Reason.NO_VALUE, call.source() + " has no " + binding.attribute(), List.of());
        continue;
      }
      FieldCheck.Result checked = plan.check(field).check(value);
      if (checked instanceof FieldCheck.Rejected rejected) {
        leaveManual(
            field,
            rejected.reason(),
            from + " for " + field.pointer() + " " + rejected.problem(),
            rejected.candidates());
        continue;
      }
      FieldCheck.Accepted accepted = (FieldCheck.Accepted) checked;
      put(field.pointer(), accepted.value());
      RegistryAdapter adapter = call.adapter();
      provenance.put(
          field.pointer(),
          new Provenance(
              binding.source(),
              binding.attribute(),
              answer.recordReference(),
              retrievedAt,
              adapter.id() + "/" + adapter.version(),
              accepted.convertedFrom()));
    }
  }

  private void put(String pointer, JsonNode value) {
    JsonPointer path = JsonPointer.compile(pointer);
    ObjectNode parent = data;
    for (JsonPointer step = path; !step.tail().matches(); step = step.tail()) {
      JsonNode child = parent.get(step.getMatchingProperty());
      parent =
          child instanceof ObjectNode object
              ? object
              : parent.putObject(step.getMatchingProperty());
    }
    parent.set(path.last().getMatchingProperty(), value);
  }

  private void leaveManual(
      FieldDefinition field, Reason reason, String detail, List<String> candidates) {
    manual.add(new ManualField(field.pointer(), reason, detail, candidates));
  }

  private static Reason reasonFor(RegistryAnswer.Status status) {
    return switch (status) {
      case NOT_FOUND -> Reason.NOT_FOUND;
      case REFUSED -> Reason.REFUSED;
      case BAD_DATA -> Reason.BAD_VALUE;
      case UNAVAILABLE, FOUND -> Reason.UNAVAILABLE;
    };
  }
}
