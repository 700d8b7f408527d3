/**
 * The entry point, {@link dev.onceform.core.FormEngine}, and the values it takes: {@link
 * dev.onceform.core.Subject} and {@link dev.onceform.core.Purpose}.
 */
@NullMarked
package dev.onceform.core;

import org.jspecify.annotations.NullMarked;
