package dev.onceform.core.audit;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Records to several sinks; one that fails is logged and skipped. See {@link AuditSinks#all}. */
final class AllAuditSinks implements AuditSink {
  private static final Logger LOG = LoggerFactory.getLogger(AuditSinks.class);

  private final List<AuditSink> sinks;

  AllAuditSinks(List<AuditSink> sinks) {
    this.sinks = sinks;
  }

  @Override
  public void record(AuditEvent event) {
    for (AuditSink sink : sinks) {
      try {
        sink.record(event);
      } catch (RuntimeException | LinkageError e) {
        LOG.warn(
            "OF-AUDIT-105: audit sink {} failed to record the call of correlation id {} to source"
                + " {}; the prefill goes on",
            sink.getClass().getName(),
            event.correlationId(),
            event.source(),
            e);
      }
    }
  }

  @Override
  public String toString() {
    return "AuditSinks.all" + sinks;
  }
}
