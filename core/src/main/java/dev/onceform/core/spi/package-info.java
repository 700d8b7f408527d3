/**
 * Extension points: {@link dev.onceform.core.spi.RegistryAdapter}, implemented by an agency for
 * each registry it prefills from.
 */
@NullMarked
package dev.onceform.core.spi;

import org.jspecify.annotations.NullMarked;
