package dev.onceform.core;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.onceform.core.audit.AuditSink;
import dev.onceform.core.audit.AuditSinks;
import dev.onceform.core.internal.CompiledForm;
import dev.onceform.core.internal.HandedOver;
import dev.onceform.core.internal.Messages;
import dev.onceform.core.internal.ProblemMessages;
import dev.onceform.core.internal.Sealer;
import dev.onceform.core.internal.SourceGuards;
import dev.onceform.core.prefill.CircuitListener;
import dev.onceform.core.prefill.CircuitState;
import dev.onceform.core.prefill.PrefillResult;
import dev.onceform.core.prefill.PrefillSeal;
import dev.onceform.core.prefill.SealKeys;
import dev.onceform.core.prefill.SourcePolicy;
import dev.onceform.core.spi.RegistryAdapter;
import dev.onceform.core.validation.Problem;
import dev.onceform.core.validation.ValidationMessages;
import dev.onceform.core.validation.ValidationReport;
import dev.onceform.schema.FormDefinition;
import dev.onceform.schema.OnceFormException;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.jspecify.annotations.Nullable;

/**
 * OnceForm's entry point: prefills forms from registries and validates submissions.
 *
 * <p>Immutable and thread-safe; build once and share. Each form's schema and prefill plan are
 * compiled in {@link Builder#build()}.
 *
 * <pre>{@code
 * FormEngine engine = FormEngine.builder()
 *     .form(SampleForms.get("birth-registration").orElseThrow())
 *     .adapter(populationRegistry)
 *     .build();
 * PrefillResult draft = engine.prefill("birth-registration", Subject.person(id), Purpose.of("birth-registration"));
 * ValidationReport report = engine.validate("birth-registration", submission);
 * }</pre>
 *
 * <p>With {@link Builder#sealKeys(SealKeys) seal keys}, prefill also returns a {@link PrefillSeal}
 * over the locked fields it filled; send it to the browser and pass it back to {@link
 * #validate(String, JsonNode, Optional, Subject)}, which rejects changed locked values.
 *
 * <p>Prefill calls every source in parallel, each under its {@link SourcePolicy} (timeout and
 * circuit breaker, see {@link Builder#source}) and all under {@link Builder#prefillTimeout}. The
 * breakers belong to the engine: they count failures across all its prefill calls.
 *
 * <p>A form is named by its id ({@code birth-registration}: the highest version registered) or by
 * id and version ({@code birth-registration@0.1.0}).
 */
public final class FormEngine {
  private final CompiledForms forms;
  private final Map<String, RegistryAdapter> adapters;
  private final Clock clock;
  private final Duration prefillTimeout;
  private final Optional<SealKeys> sealKeys;
  private final Duration sealTtl;
  private final Sealer sealer;
  private final List<AuditSink> auditSinks;
  private final AuditSink audit;
  private final Map<String, SourcePolicy> policies;
  private final SourcePolicy defaultPolicy;
  private final List<CircuitListener> listeners;
  private final SourceGuards guards;
  private final ValidationMessages messages;
  private final SubmissionReader reader;
  private final SubmissionTreeCheck treeCheck;

  private FormEngine(Builder builder) {
    this.auditSinks = List.copyOf(builder.auditSinks);
    this.audit = AuditSinks.all(auditSinks);
    this.adapters = Collections.unmodifiableMap(new LinkedHashMap<>(builder.adapters));
    this.clock = builder.clock;
    this.prefillTimeout = builder.prefillTimeout;
    this.policies = Collections.unmodifiableMap(new LinkedHashMap<>(builder.policies));
    this.defaultPolicy = builder.defaultPolicy;
    this.listeners = List.copyOf(builder.listeners);
    this.guards = new SourceGuards(adapters.keySet(), policies, defaultPolicy, clock, listeners);
    this.messages = builder.messages;
    ProblemMessages problemMessages =
        ProblemMessages.of(
            Messages.of(
                messages.patterns(Locale.forLanguageTag("vi")), messages.patterns(Locale.ENGLISH)));
    this.sealKeys = Optional.ofNullable(builder.sealKeys);
    this.sealTtl = builder.sealTtl;
    this.sealer = new Sealer(sealKeys, sealTtl, problemMessages);
    Map<String, CompiledForm> compiled = new LinkedHashMap<>();
    builder.forms.forEach(
        (key, form) ->
            compiled.put(key, new CompiledForm(form, adapters, guards, problemMessages)));
    this.forms = new CompiledForms(compiled);
    this.reader = new SubmissionReader(builder.submissionLimits);
    this.treeCheck = new SubmissionTreeCheck(builder.submissionLimits);
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding this engine's configuration, to derive a variant. */
  public Builder toBuilder() {
    Builder builder =
        builder()
            .clock(clock)
            .prefillTimeout(prefillTimeout)
            .sealTtl(sealTtl)
            .defaultSourcePolicy(defaultPolicy)
            .messages(messages)
            .submissionLimits(reader.limits());
    sealKeys.ifPresent(builder::sealKeys);
    forms.all().forEach(compiled -> builder.form(compiled.form()));
    adapters.values().forEach(builder::adapter);
    auditSinks.forEach(builder::auditSink);
    policies.forEach(builder::source);
    listeners.forEach(builder::circuitListener);
    return builder;
  }

  /**
   * Returns the state of a source's circuit breaker. A derived engine ({@link #toBuilder()}) starts
   * with closed breakers of its own.
   *
   * @param source a source id, e.g. {@code population}
   * @return the state, or empty if no adapter is registered for the source
   */
  public Optional<CircuitState> circuitState(String source) {
    return guards.state(requireNonNull(source, "source"));
  }

  /** Returns the registered forms, every version. */
  public List<FormDefinition> forms() {
    return forms.all().stream().map(CompiledForm::form).toList();
  }

  /** Returns a registered form by id (highest version) or {@code id@version}. */
  public Optional<FormDefinition> form(String formId) {
    return forms.find(requireNonNull(formId, "formId")).map(CompiledForm::form);
  }

  /**
   * Prefills a form for the logged-in applicant.
   *
   * @throws OnceFormException {@code OF-ENGINE-101} if the form is not registered
   */
  public PrefillResult prefill(String formId, Subject subject, Purpose purpose) {
    return prefill(formId, subject, purpose, JsonNodeFactory.instance.objectNode());
  }

  /**
   * Prefills a form, starting from a draft the citizen has begun. Fields whose subject is a pointer
   * (for example the mother's data, bound to {@code /mother/personalId}) are filled when the draft
   * or an earlier answer holds that person's ID. Registry failures never fail the call: their
   * fields are listed in {@link PrefillResult#manual()}. With seal keys, the result carries a
   * {@link PrefillResult#seal() seal} over the locked fields filled from registries.
   *
   * @throws OnceFormException {@code OF-ENGINE-101} if the form is not registered
   */
  public PrefillResult prefill(String formId, Subject subject, Purpose purpose, JsonNode draft) {
    requireNonNull(subject, "subject");
    requireNonNull(purpose, "purpose");
    requireNonNull(draft, "draft");
    CompiledForm compiled = forms.require(formId);
    PrefillResult result = compiled.prefill(clock, prefillTimeout, subject, purpose, draft, audit);
    return sealer
        .issue(compiled.form(), subject, result, clock.instant())
        .map(result::withSeal)
        .orElse(result);
  }

  /**
   * Validates a submission and reports every problem with a JSON Pointer, a stable code and a
   * message in Vietnamese and English. The submission is first checked against the engine's {@link
   * Builder#submissionLimits(SubmissionLimits) limits} and its strings normalised to NFC (the
   * report's {@link ValidationReport#submission()} is the normalised copy; the argument is not
   * changed).
   *
   * @throws OnceFormException {@code OF-ENGINE-101} if the form is not registered; {@code
   *     OF-JSON-1xx} if the submission breaks a limit or holds forbidden characters
   */
  public ValidationReport validate(String formId, JsonNode submission) {
    requireNonNull(submission, "submission");
    CompiledForm compiled = forms.require(formId);
    // the tree check returns a copy of the submission's containers: the report keeps it as it is
    return compiled.validateOwned(treeCheck.check(submission), clock);
  }

  /**
   * Reads a submission of UTF-8 JSON within the engine's {@link
   * Builder#submissionLimits(SubmissionLimits) limits} (enforced while parsing, see {@link
   * Submissions}) and validates it as {@link #validate(String, JsonNode)} does.
   *
   * @throws OnceFormException {@code OF-ENGINE-101} if the form is not registered (checked before
   *     the submission is read); {@code OF-JSON-1xx} if the submission is not JSON, breaks a limit
   *     or holds forbidden characters
   */
  public ValidationReport validate(String formId, byte[] submission) {
    requireNonNull(submission, "submission");
    CompiledForm compiled = forms.require(formId);
    // the reader built this tree and nothing else holds it: the report keeps it without a copy
    return compiled.validateOwned(
        reader.read(new ByteArrayInputStream(submission), "submission"), clock);
  }

  /**
   * Validates a submission as {@link #validate(String, JsonNode)} does, and checks it against the
   * seal its prefill returned. Seal problems (pointer {@code ""} unless said otherwise):
   *
   * <ul>
   *   <li>{@code seal.tampered}: a sealed locked value was changed or removed (pointer = the
   *       field);
   *   <li>{@code seal.invalid}: the token is malformed, too long, forged, or made with a key id the
   *       engine's {@link SealKeys} do not hold (or the engine has no keys);
   *   <li>{@code seal.expired}: the seal is older than {@link Builder#sealTtl(Duration)};
   *   <li>{@code seal.wrong-form}: the seal was made for another form or form version;
   *   <li>{@code seal.wrong-subject}: the seal was made for another person than {@code subject};
   *   <li>{@code seal.missing}: no seal, but the form has locked fields and the engine has keys.
   * </ul>
   *
   * <p>The subject is required: without it a seal made for one person could be replayed by another.
   * Pass the person logged in now, as vouched for by the identity provider. An engine without seal
   * keys checks no seal and reports none missing.
   *
   * @param seal the seal the browser sent back; empty if it sent none (see {@link
   *     PrefillSeal#ofNullable(String)})
   * @throws OnceFormException {@code OF-ENGINE-101} if the form is not registered; {@code
   *     OF-JSON-1xx} if the submission breaks a limit or holds forbidden characters
   */
  public ValidationReport validate(
      String formId, JsonNode submission, Optional<PrefillSeal> seal, Subject subject) {
    requireNonNull(submission, "submission");
    requireNonNull(seal, "seal");
    requireNonNull(subject, "subject");
    CompiledForm compiled = forms.require(formId);
    JsonNode checked = treeCheck.check(submission);
    ValidationReport report = compiled.validateOwned(checked, clock); // read-only from here
    List<Problem> sealProblems =
        sealer.check(compiled.form(), checked, seal, subject, clock.instant());
    if (sealProblems.isEmpty()) {
      return report;
    }
    List<Problem> problems = new ArrayList<>(report.problems());
    problems.addAll(sealProblems);
    // report.submission() is a fresh copy: hand it over rather than copy it again
    return HandedOver.report(report.formId(), problems, report.submission());
  }

  /** Builds a {@link FormEngine}. Not thread-safe. */
  public static final class Builder {
    private final Map<String, FormDefinition> forms = new LinkedHashMap<>();
    private final Map<String, RegistryAdapter> adapters = new LinkedHashMap<>();
    private Clock clock = Clock.systemUTC();
    private Duration prefillTimeout = Duration.ofSeconds(3);
    private @Nullable SealKeys sealKeys;
    private Duration sealTtl = Duration.ofHours(24);
    private final List<AuditSink> auditSinks = new ArrayList<>();
    private final Map<String, SourcePolicy> policies = new LinkedHashMap<>();
    private SourcePolicy defaultPolicy = SourcePolicy.defaults();
    private final List<CircuitListener> listeners = new ArrayList<>();
    private ValidationMessages messages = ValidationMessages.builtIn();
    private SubmissionLimits submissionLimits = SubmissionLimits.defaults();

    private Builder() {}

    /**
     * Sets the limits every submission is checked against before validation (size, depth, string,
     * array, object and number lengths); default {@link SubmissionLimits#defaults()}.
     */
    public Builder submissionLimits(SubmissionLimits limits) {
      this.submissionLimits = requireNonNull(limits, "limits");
      return this;
    }

    /**
     * Registers a form version. Several versions of one form may be registered.
     *
     * @throws IllegalArgumentException if this id and version is already registered
     */
    public Builder form(FormDefinition form) {
      requireNonNull(form, "form");
      if (forms.putIfAbsent(form.toString(), form) != null) {
        throw new IllegalArgumentException("form " + form + " is already registered");
      }
      return this;
    }

    /**
     * Registers a registry adapter for its source.
     *
     * @throws IllegalArgumentException if an adapter for the same source is already registered
     */
    public Builder adapter(RegistryAdapter adapter) {
      requireNonNull(adapter, "adapter");
      RegistryAdapter previous =
          adapters.putIfAbsent(requireNonNull(adapter.source(), "source"), adapter);
      if (previous != null) {
        throw new IllegalArgumentException(
            "source '"
                + adapter.source()
                + "' already has adapter "
                + previous.getClass().getName()
                + " (id '"
                + previous.id()
                + "'); cannot also register "
                + adapter.getClass().getName()
                + " (id '"
                + adapter.id()
                + "')");
      }
      return this;
    }

    /**
     * Adds a sink that records every registry adapter call (see {@link
     * dev.onceform.core.audit.AuditEvent}); several may be added, and each gets every event in the
     * order added. A sink that throws is logged with {@code OF-AUDIT-105} and never fails a
     * prefill. Default: none. The engine does not close sinks: close a {@link
     * dev.onceform.core.audit.CloseableAuditSink} yourself when the application stops.
     */
    public Builder auditSink(AuditSink sink) {
      auditSinks.add(requireNonNull(sink, "sink"));
      return this;
    }

    /**
     * Registers every {@link RegistryAdapter} that {@link ServiceLoader} finds with the current
     * thread's context class loader (providers in named modules declared with {@code provides}, and
     * {@code META-INF/services} entries on the class path). Opt-in: adapters are never discovered
     * unless this is called.
     *
     * <p>A provider that cannot be loaded or instantiated is skipped and reported as a warning
     * ({@code OF-PREFILL-101}, naming its class and cause, with {@link System.Logger}); the others
     * are still registered.
     *
     * @throws IllegalArgumentException if a discovered adapter's source already has an adapter (the
     *     message names both classes)
     */
    public Builder discoverAdapters() {
      return discoverAdapters(ServiceLoader.load(RegistryAdapter.class));
    }

    /**
     * Registers every {@link RegistryAdapter} that {@link ServiceLoader} finds with the given class
     * loader; otherwise as {@link #discoverAdapters()}.
     */
    public Builder discoverAdapters(ClassLoader loader) {
      requireNonNull(loader, "loader");
      return discoverAdapters(ServiceLoader.load(RegistryAdapter.class, loader));
    }

    private Builder discoverAdapters(ServiceLoader<RegistryAdapter> loader) {
      Iterator<RegistryAdapter> it = loader.iterator();
      for (int failures = 0; failures < 100; ) {
        RegistryAdapter next;
        try {
          if (!it.hasNext()) {
            break;
          }
          next = it.next();
        } catch (ServiceConfigurationError e) {
          failures++;
          System.getLogger(FormEngine.class.getName())
              .log(
                  System.Logger.Level.WARNING,
                  "OF-PREFILL-101: a registry adapter provider could not be loaded and is skipped: "
                      + e.getMessage()
                      + (e.getCause() == null ? "" : "; cause: " + e.getCause()),
                  e);
          continue;
        }
        adapter(next);
      }
      return this;
    }

    /**
     * Sets how prefill treats one source: its call timeout and circuit breaker. Sources without a
     * policy of their own get {@link #defaultSourcePolicy}.
     *
     * @param source the source id, e.g. {@code population}; {@link #build()} checks that an adapter
     *     is registered for it
     */
    public Builder source(String source, SourcePolicy policy) {
      requireNonNull(source, "source");
      policies.put(source, requireNonNull(policy, "policy"));
      return this;
    }

    /**
     * Sets the policy of sources without one of their own; default {@link SourcePolicy#defaults()}.
     */
    public Builder defaultSourcePolicy(SourcePolicy policy) {
      this.defaultPolicy = requireNonNull(policy, "policy");
      return this;
    }

    /** Adds a listener told of every circuit-breaker state change of every source. */
    public Builder circuitListener(CircuitListener listener) {
      listeners.add(requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Sets the clock for deadlines, provenance times and {@code x-not-future} (today is the clock's
     * date in Asia/Ho_Chi_Minh); default the system UTC clock.
     */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets how long prefill waits for registries in total (the overall deadline, which also bounds
     * every per-source timeout); default 3 seconds.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder prefillTimeout(Duration timeout) {
      requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("prefillTimeout must be positive, but was " + timeout);
      }
      this.prefillTimeout = timeout;
      return this;
    }

    /**
     * Sets the keys that seal locked prefilled fields; without keys, prefill makes no seal and
     * validate checks none.
     */
    public Builder sealKeys(SealKeys keys) {
      this.sealKeys = requireNonNull(keys, "keys");
      return this;
    }

    /**
     * Sets how long a seal stays valid after prefill; default 24 hours. Keep a rotated-out key at
     * least this long.
     *
     * @throws IllegalArgumentException if shorter than one second
     */
    public Builder sealTtl(Duration ttl) {
      requireNonNull(ttl, "ttl");
      if (ttl.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new IllegalArgumentException("sealTtl must be at least 1 second, but was " + ttl);
      }
      this.sealTtl = ttl;
      return this;
    }

    /**
     * Sets the texts of validation problems; default {@link ValidationMessages#builtIn()}. Use it
     * to override some or all messages, per code and language (see {@link ValidationMessages}).
     */
    public Builder messages(ValidationMessages messages) {
      this.messages = requireNonNull(messages, "messages");
      return this;
    }

    /**
     * Compiles every form and returns the engine.
     *
     * @throws OnceFormException if a form cannot be compiled (for example it names an unknown code
     *     list)
     * @throws IllegalArgumentException if a source policy names a source no adapter serves
     */
    public FormEngine build() {
      for (String source : policies.keySet()) {
        if (!adapters.containsKey(source)) {
          throw new IllegalArgumentException(
              "a source policy is set for '"
                  + source
                  + "', but no adapter serves it; registered sources: "
                  + adapters.keySet()
                  + ". Register its adapter or remove the policy");
        }
      }
      return new FormEngine(this);
    }
  }
}
