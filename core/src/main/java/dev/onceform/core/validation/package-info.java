/**
 * What {@link dev.onceform.core.FormEngine#validate} returns: a {@link
 * dev.onceform.core.validation.ValidationReport} with one problem per JSON Pointer, in Vietnamese
 * and English.
 */
@NullMarked
package dev.onceform.core.validation;

import org.jspecify.annotations.NullMarked;
