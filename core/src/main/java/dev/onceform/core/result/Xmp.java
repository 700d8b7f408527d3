package dev.onceform.core.result;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The XMP metadata packet of a PDF/A-3b document: PDF/A identification (part 3, conformance B),
 * Dublin Core title, XMP dates and tools, PDF producer. Written by hand, so that it is small and
 * byte-for-byte reproducible; every value also appears in the document information dictionary.
 */
final class Xmp {
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx").withZone(ZoneOffset.UTC);

  private Xmp() {}

  static byte[] packet(String title, String creator, String producer, Instant time) {
    String date = DATE.format(time.truncatedTo(ChronoUnit.SECONDS));
    String xml =
        "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
            + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
            + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
            + "<rdf:Description rdf:about=\"\""
            + " xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\""
            + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
            + " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\""
            + " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n"
            + "<pdfaid:part>3</pdfaid:part>\n"
            + "<pdfaid:conformance>B</pdfaid:conformance>\n"
            + "<dc:format>application/pdf</dc:format>\n"
            + "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">"
            + escape(title)
            + "</rdf:li></rdf:Alt></dc:title>\n"
            + "<xmp:CreateDate>"
            + date
            + "</xmp:CreateDate>\n"
            + "<xmp:ModifyDate>"
            + date
            + "</xmp:ModifyDate>\n"
            + "<xmp:MetadataDate>"
            + date
            + "</xmp:MetadataDate>\n"
            + "<xmp:CreatorTool>"
            + escape(creator)
            + "</xmp:CreatorTool>\n"
            + "<pdf:Producer>"
            + escape(producer)
            + "</pdf:Producer>\n"
            + "</rdf:Description>\n"
            + "</rdf:RDF>\n"
            + "</x:xmpmeta>\n"
            + "<?xpacket end=\"w\"?>";
    return xml.getBytes(StandardCharsets.UTF_8);
  }

  /** Escapes XML text; characters XML 1.0 forbids are dropped. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            cp -> {
              switch (cp) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> {
                  if (cp >= 0x20 || cp == '\t' || cp == '\n' || cp == '\r') {
                    if (cp < 0xD800 || cp > 0xDFFF) {
                      out.appendCodePoint(cp);
                    }
                  }
                }
              }
            });
    return out.toString();
  }
}
