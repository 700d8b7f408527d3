/** Not API; may change without notice. */
@NullMarked
package dev.onceform.core.internal;

import org.jspecify.annotations.NullMarked;
