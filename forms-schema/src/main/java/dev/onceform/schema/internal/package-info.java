/** Not API; may change without notice. Shared with {@code dev.onceform.core} only. */
@NullMarked
package dev.onceform.schema.internal;

import org.jspecify.annotations.NullMarked;
