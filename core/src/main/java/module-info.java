/**
 * OnceForm core: the {@link dev.onceform.core.FormEngine} (prefill from registry adapters,
 * validation of submissions) and the rendering of documents as PDF.
 */
module dev.onceform.core {
  requires static org.jspecify;
  requires transitive dev.onceform.schema;
  requires transitive com.fasterxml.jackson.databind;
  requires transitive java.sql;
  requires com.networknt.schema;
  requires com.fasterxml.jackson.dataformat.yaml;
  requires org.apache.pdfbox;
  requires org.apache.pdfbox.io;
  requires org.apache.fontbox; // the bundled fonts, parsed with glyph substitution off
  requires java.desktop; // the sRGB ICC profile and page images for ResultDocuments.verifyQr
  requires com.google.zxing; // QR codes on result documents (an automatic module)
  requires java.net.http;
  requires io.github.resilience4j.circuitbreaker;
  requires io.github.resilience4j.core;
  requires org.slf4j; // AuditSinks.slf4j(), and Resilience4j's state machine (an automatic module)

  uses dev.onceform.core.spi.RegistryAdapter;

  exports dev.onceform.core;
  exports dev.onceform.core.spi;
  exports dev.onceform.core.prefill;
  exports dev.onceform.core.validation;
  exports dev.onceform.core.result;
  exports dev.onceform.core.adapters;
  exports dev.onceform.core.audit;
}
