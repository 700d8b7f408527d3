package dev.onceform.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onceform.core.Purpose;
import dev.onceform.core.Subject;
import dev.onceform.core.audit.AuditSink;
import dev.onceform.core.prefill.PrefillResult;
import dev.onceform.core.spi.RegistryAdapter;
import dev.onceform.core.validation.ValidationReport;
import dev.onceform.schema.FormDefinition;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * One form version prepared for the engine: its compiled validator and its prefill plan, both
 * computed once. Immutable and thread-safe.
 */
public final class CompiledForm {
  private final FormDefinition form;
  private final FormValidator validator;
  private final PrefillPlan plan;
  private final Map<String, RegistryAdapter> adapters;
  private final SourceGuards guards;

  /**
   * Compiles a form for a set of adapters (source id to adapter; an unmodifiable map) and the
   * engine's per-source breakers.
   */
  public CompiledForm(
      FormDefinition form,
      Map<String, RegistryAdapter> adapters,
      SourceGuards guards,
      ProblemMessages messages) {
    this.form = form;
    this.validator = new FormValidator(form, messages);
    this.plan = PrefillPlan.of(form, adapters);
    this.adapters = adapters;
    this.guards = guards;
  }

  /** Returns the form. */
  public FormDefinition form() {
    return form;
  }

  /** The validator, compiled once in the constructor (for tests). */
  FormValidator validator() {
    return validator;
  }

  /** Validates a submission; {@code x-not-future} takes today from {@code clock}. */
  public ValidationReport validate(JsonNode submission, Clock clock) {
    return validator.validate(submission, clock);
  }

  /**
   * Validates a submission the engine built itself (see {@link FormValidator#validateOwned}): the
   * report keeps it without copying, so nothing may change it afterwards.
   */
  public ValidationReport validateOwned(JsonNode submission, Clock clock) {
    return validator.validateOwned(submission, clock);
  }

  /** Runs a prefill for this form; {@code audit} records each adapter call and never throws. */
  public PrefillResult prefill(
      Clock clock,
      Duration timeout,
      Subject subject,
      Purpose purpose,
      JsonNode draft,
      AuditSink audit) {
    return new Prefiller(form, adapters, guards, clock, timeout, subject, purpose, draft, audit)
        .run(plan);
  }
}
