/**
 * OnceForm's form definition language: loads form documents (JSON Schema 2020-12 with the {@code
 * x-*} vocabulary) into {@link dev.onceform.schema.FormDefinition}s, publishes the meta-schemas
 * ({@link dev.onceform.schema.MetaSchemas}) and the source catalog, and bundles sample forms and
 * code lists.
 */
module dev.onceform.schema {
  requires static org.jspecify;
  requires transitive com.fasterxml.jackson.databind;
  requires com.networknt.schema;

  exports dev.onceform.schema;
  exports dev.onceform.schema.internal to
      dev.onceform.core;

  uses dev.onceform.schema.CodeListProvider;
}
