/**
 * What {@link dev.onceform.core.FormEngine#prefill} returns: values with their provenance, and the
 * fields left for the citizen.
 */
@NullMarked
package dev.onceform.core.prefill;

import org.jspecify.annotations.NullMarked;
