/**
 * The audit trail of registry access: one {@link dev.onceform.core.audit.AuditEvent} per adapter
 * call, recorded through {@link dev.onceform.core.audit.AuditSink}s; built-in sinks in {@link
 * dev.onceform.core.audit.AuditSinks}, and {@link dev.onceform.core.audit.AuditLog#verify} for the
 * hash-chained JSON Lines file. Events name forms, purposes, sources and attributes, never values.
 */
@NullMarked
package dev.onceform.core.audit;

import org.jspecify.annotations.NullMarked;
