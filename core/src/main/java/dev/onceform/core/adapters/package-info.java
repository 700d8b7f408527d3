/**
 * Built-in registry adapters that an agency configures instead of writing Java: {@link
 * dev.onceform.core.adapters.JdbcRegistryAdapter} answers from an SQL database through any {@link
 * javax.sql.DataSource}; {@link dev.onceform.core.adapters.HttpJsonRegistryAdapter} answers from a
 * JSON web service.
 */
@NullMarked
package dev.onceform.core.adapters;

import org.jspecify.annotations.NullMarked;
