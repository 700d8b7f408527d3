/**
 * A throw-away PKI for tests and demos only, never for production: {@link
 * dev.onceform.signing.testing.TestPki} makes a root CA and a signer certificate in memory.
 */
@NullMarked
package dev.onceform.signing.testing;

import org.jspecify.annotations.NullMarked;
