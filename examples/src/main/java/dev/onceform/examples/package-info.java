/**
 * Runnable, readable programs that show OnceForm end to end, with an embedded synthetic population
 * registry. Copy from them; they are not a library API.
 */
@NullMarked
package dev.onceform.examples;

import org.jspecify.annotations.NullMarked;
