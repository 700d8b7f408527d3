/**
 * A throw-away PKI and time-stamping authority for tests and demos only, never for production:
 * {@link dev.onceform.signing.testing.TestPki} makes a root CA, a signer certificate and TSA
 * certificates in memory; {@link dev.onceform.signing.testing.TestTsa} answers RFC 3161 requests on
 * the loopback interface; {@link dev.onceform.signing.testing.TestOcsp} answers OCSP requests and
 * serves CRLs for a test PKI.
 */
@NullMarked
package dev.onceform.signing.testing;

import org.jspecify.annotations.NullMarked;
