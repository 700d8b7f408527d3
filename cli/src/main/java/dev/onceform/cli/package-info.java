/** The {@code onceform} command-line tool. Not a library API. */
@NullMarked
package dev.onceform.cli;

import org.jspecify.annotations.NullMarked;
