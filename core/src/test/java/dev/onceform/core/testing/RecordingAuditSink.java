package dev.onceform.core.testing;

import dev.onceform.core.audit.AuditEvent;
import dev.onceform.core.audit.AuditSink;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An audit sink for tests: keeps every event in memory, in the order recorded. */
public final class RecordingAuditSink implements AuditSink {
  private final List<AuditEvent> events = new CopyOnWriteArrayList<>();

  @Override
  public void record(AuditEvent event) {
    events.add(event);
  }

  /** Returns the events recorded so far. */
  public List<AuditEvent> events() {
    return List.copyOf(events);
  }
}
