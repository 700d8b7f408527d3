/**
 * The form definition language: {@link dev.onceform.schema.FormDefinition} and its parts, the
 * bundled {@link dev.onceform.schema.SampleForms} and {@link dev.onceform.schema.CodeLists}, and
 * the library's root exception {@link dev.onceform.schema.OnceFormException}.
 */
@NullMarked
package dev.onceform.schema;

import org.jspecify.annotations.NullMarked;
