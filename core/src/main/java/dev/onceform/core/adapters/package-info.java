/**
 * Built-in registry adapters that an agency configures instead of writing Java: {@link <<<<<<< HEAD
 * dev.onceform.core.adapters.JdbcRegistryAdapter} answers from an SQL database through any {@link
 * javax.sql.DataSource}. ======= dev.onceform.core.adapters.HttpJsonRegistryAdapter} for JSON web
 * services. >>>>>>> i4-http
 */
@NullMarked
package dev.onceform.core.adapters;

import org.jspecify.annotations.NullMarked;
