/**
 * Rendering of submissions and results as PDF documents with an embedded font that covers
 * Vietnamese.
 */
@NullMarked
package dev.onceform.core.result;

import org.jspecify.annotations.NullMarked;
