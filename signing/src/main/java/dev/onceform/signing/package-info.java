/**
 * Signing and verification of PDF documents (PAdES baseline) with keys from {@link
 * dev.onceform.signing.SignerKeys}.
 */
@NullMarked
package dev.onceform.signing;

import org.jspecify.annotations.NullMarked;
