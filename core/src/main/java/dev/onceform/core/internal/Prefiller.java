package dev.onceform.core.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
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
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

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
  private final Clock clock;
  private final Subject subject;
  private final Purpose purpose;
  private final Instant deadline;
  private final String correlationId = UUID.randomUUID().toString();
  private final ObjectNode data;
  private final Map<String, Provenance> provenance = new LinkedHashMap<>();
  private final List<ManualField> manual = new ArrayList<>();
  private final AuditSink audit;

  Prefiller(
      FormDefinition form,
      Map<String, RegistryAdapter> adapters,
      Clock clock,
      Duration timeout,
      Subject subject,
      Purpose purpose,
      JsonNode draft,
      AuditSink audit) {
    this.form = form;
    this.audit = audit;
    this.adapters = adapters;
    this.clock = clock;
    this.subject = subject;
    this.purpose = purpose;
    this.deadline = clock.instant().plus(timeout);
    this.data =
        draft.isObject() ? (ObjectNode) draft.deepCopy() : JsonNodeFactory.instance.objectNode();
  }

  PrefillResult run(PrefillPlan plan) {
    manual.addAll(plan.unserved());
    Map<String, Map<String, List<FieldDefinition>>> pending = new LinkedHashMap<>(plan.calls());
    List<Call> round = nextRound(pending);
    while (!round.isEmpty()) {
      round.forEach(Call::start);
      round.forEach(this::await);
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
  private List<Call> nextRound(Map<String, Map<String, List<FieldDefinition>>> pending) {
    List<Call> calls = new ArrayList<>();
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

  private Call call(String personalId, String source, List<FieldDefinition> fields) {
    Set<String> attributes = new LinkedHashSet<>();
    fields.forEach(field -> attributes.add(field.prefill().orElseThrow().attribute()));
    RegistryQuery query =
        new RegistryQuery(
            source, personalId, attributes, purpose, form.toString(), correlationId, deadline);
    return new Call(requireNonNull(adapters.get(source), source), query, fields);
  }

  private void await(Call call) {
    RegistryAnswer answer;
    long remaining = Duration.between(clock.instant(), deadline).toNanos();
    try {
      answer = call.future().get(Math.max(remaining, 0), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      call.future().cancel(true);
      audit(call, AuditEvent.Outcome.TIMEOUT);
      call.fields()
          .forEach(f -> leaveManual(f, Reason.TIMEOUT, call.source() + ": no answer in time"));
      return;
    } catch (ExecutionException e) {
      answer = RegistryAnswer.failed(RegistryAnswer.Status.UNAVAILABLE, failure(e.getCause()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      audit(call, AuditEvent.Outcome.TIMEOUT);
      call.fields().forEach(f -> leaveManual(f, Reason.TIMEOUT, call.source() + ": interrupted"));
      return;
    }
    audit(call, AuditEvent.Outcome.of(answer.status()));
    apply(call, answer);
  }

  /** Records a finished call: names and codes only, the subject as its role, never values. */
  private void audit(Call call, AuditEvent.Outcome outcome) {
    audit.record(
        new AuditEvent(
            clock.instant(),
            correlationId,
            form.toString(),
            purpose.code(),
            call.source(),
            call.adapter().id(),
            call.fields().get(0).prefill().orElseThrow().subject(),
            new TreeSet<>(call.query.attributes()),
            outcome,
            call.elapsed()));
  }

  private void apply(Call call, RegistryAnswer answer) {
    Instant retrievedAt = clock.instant();
    for (FieldDefinition field : call.fields()) {
      PrefillBinding binding = field.prefill().orElseThrow();
      if (answer.status() != RegistryAnswer.Status.FOUND) {
        leaveManual(field, reasonFor(answer.status()), call.source() + ": " + answer.detail());
        continue;
      }
      JsonNode value = answer.values().get(binding.attribute());
      if (value == null || value.isNull()) {
        leaveManual(field, Reason.NO_VALUE, call.source() + " has no " + binding.attribute());
        continue;
      }
      Optional<JsonNode> accepted = accept(field, value);
      if (accepted.isEmpty()) {
        leaveManual(
            field,
            Reason.BAD_VALUE,
            call.source() + "." + binding.attribute() + " does not fit " + field.pointer());
        continue;
      }
      put(field.pointer(), accepted.get());
      RegistryAdapter adapter = call.adapter();
      provenance.put(
          field.pointer(),
          new Provenance(
              binding.source(),
              binding.attribute(),
              answer.recordReference(),
              retrievedAt,
              adapter.id() + "/" + adapter.version()));
    }
  }

  /** Normalises a registry value for a field, or rejects it. */
  private static Optional<JsonNode> accept(FieldDefinition field, JsonNode value) {
    if (!"string".equals(field.type())) {
      boolean fits =
          switch (field.type()) {
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            default -> false;
          };
      return fits ? Optional.of(value) : Optional.empty();
    }
    if (!value.isTextual()) {
      return Optional.empty();
    }
    String text = Normalizer.normalize(value.asText(), Normalizer.Form.NFC).strip();
    if (text.isEmpty() || (field.format().filter("date"::equals).isPresent() && !isIsoDate(text))) {
      return Optional.empty();
    }
    return Optional.of(TextNode.valueOf(text));
  }

  private static boolean isIsoDate(String text) {
    try {
      LocalDate.parse(text);
      return true;
    } catch (DateTimeParseException e) {
      return false;
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

  private void leaveManual(FieldDefinition field, Reason reason, String detail) {
    manual.add(new ManualField(field.pointer(), reason, detail));
  }

  private static Reason reasonFor(RegistryAnswer.Status status) {
    return switch (status) {
      case NOT_FOUND -> Reason.NOT_FOUND;
      case REFUSED -> Reason.REFUSED;
      case BAD_DATA -> Reason.BAD_VALUE;
      case UNAVAILABLE, FOUND -> Reason.UNAVAILABLE;
    };
  }

  private static String failure(@Nullable Throwable cause) {
    return "adapter failed: " + (cause == null ? "unknown" : cause.getClass().getSimpleName());
  }

  /** One query to one adapter, and its answer once started. */
  private static final class Call {
    private final RegistryAdapter adapter;
    private final RegistryQuery query;
    private final List<FieldDefinition> fields;
    private CompletableFuture<RegistryAnswer> future = new CompletableFuture<>();
    private long startNanos;
    private volatile @Nullable Long endNanos;

    Call(RegistryAdapter adapter, RegistryQuery query, List<FieldDefinition> fields) {
      this.adapter = adapter;
      this.query = query;
      this.fields = fields;
    }

    void start() {
      startNanos = System.nanoTime();
      try {
        future = adapter.fetch(query).toCompletableFuture();
      } catch (RuntimeException e) {
        future.completeExceptionally(e);
      }
      var unused = future.whenComplete((answer, failure) -> endNanos = System.nanoTime());
    }

    /** Returns the time from the start until the answer came, or until now if it has not. */
    Duration elapsed() {
      Long end = endNanos;
      return Duration.ofNanos(Math.max(0, (end == null ? System.nanoTime() : end) - startNanos));
    }

    RegistryAdapter adapter() {
      return adapter;
    }

    String source() {
      return query.source();
    }

    List<FieldDefinition> fields() {
      return fields;
    }

    CompletableFuture<RegistryAnswer> future() {
      return future;
    }
  }
}
