/**
 * Extension points: {@link dev.onceform.signing.spi.SignerKey} lets a key that does not live in the
 * JVM (a PKCS#11 token, a remote signing service) sign PAdES signatures; {@link
 * dev.onceform.signing.spi.RevocationSource} supplies CRLs and OCSP responses for B-LT signing and
 * verification.
 */
@NullMarked
package dev.onceform.signing.spi;

import org.jspecify.annotations.NullMarked;
