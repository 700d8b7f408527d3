/**
 * Built-in registry adapters that an agency configures instead of writing Java: {@link
 * dev.onceform.core.adapters.JdbcRegistryAdapter} answers from an SQL database through any {@link
 * javax.sql.DataSource}.
 */
@NullMarked
package dev.onceform.core.adapters;

import org.jspecify.annotations.NullMarked;
