package dev.onceform.core.audit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.AbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** An SLF4J logger for tests that keeps every formatted line (level, message, throwable class). */
final class CapturingLogger extends AbstractLogger {
  private static final long serialVersionUID = 1L;

  private final transient List<String> lines = new CopyOnWriteArrayList<>();

  CapturingLogger(String name) {
    this.name = name;
  }

  List<String> lines() {
    return List.copyOf(lines);
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return CapturingLogger.class.getName();
  }

  @Override
  protected void handleNormalizedLoggingCall(
      Level level,
      @Nullable Marker marker,
      String messagePattern,
      Object @Nullable [] arguments,
      @Nullable Throwable throwable) {
    String message = MessageFormatter.basicArrayFormat(messagePattern, arguments);
    lines.add(level + " " + message + (throwable == null ? "" : " " + throwable));
  }

  @Override
  public boolean isTraceEnabled() {
    return true;
  }

  @Override
  public boolean isTraceEnabled(Marker marker) {
    return true;
  }

  @Override
  public boolean isDebugEnabled() {
    return true;
  }

  @Override
  public boolean isDebugEnabled(Marker marker) {
    return true;
  }

  @Override
  public boolean isInfoEnabled() {
    return true;
  }

  @Override
  public boolean isInfoEnabled(Marker marker) {
    return true;
  }

  @Override
  public boolean isWarnEnabled() {
    return true;
  }

  @Override
  public boolean isWarnEnabled(Marker marker) {
    return true;
  }

  @Override
  public boolean isErrorEnabled() {
    return true;
  }

  @Override
  public boolean isErrorEnabled(Marker marker) {
    return true;
  }
}
