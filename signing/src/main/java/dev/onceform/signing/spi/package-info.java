/**
 * Extension point for signer keys: {@link dev.onceform.signing.spi.SignerKey} lets a key that does
 * not live in the JVM (a PKCS#11 token, a remote signing service) sign PAdES signatures.
 */
@NullMarked
package dev.onceform.signing.spi;

import org.jspecify.annotations.NullMarked;
