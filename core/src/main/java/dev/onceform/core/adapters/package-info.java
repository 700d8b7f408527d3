/**
 * Built-in registry adapters that an agency configures instead of writing Java: {@link
 * dev.onceform.core.adapters.HttpJsonRegistryAdapter} for JSON web services.
 */
@NullMarked
package dev.onceform.core.adapters;

import org.jspecify.annotations.NullMarked;
