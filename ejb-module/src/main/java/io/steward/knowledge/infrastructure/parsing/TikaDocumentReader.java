package io.steward.knowledge.infrastructure.parsing;

import io.steward.knowledge.domain.DocumentReader;
import io.steward.knowledge.domain.Passage;
import io.steward.knowledge.domain.UnreadableDocumentException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.html.JSoupParser;
import org.apache.tika.parser.microsoft.ooxml.OOXMLParser;
import org.apache.tika.parser.pdf.PDFParser;
import org.apache.tika.sax.SecureContentHandler;
import org.xml.sax.SAXException;

/**
 * Reads PDF, DOCX and HTML with Apache Tika (keeping headings and pages) and Markdown, CSV and
 * plain text directly (keeping headings and rows). Guards against files that expand enormously (zip
 * bombs) and caps the text a document may yield.
 */
@ApplicationScoped
public class TikaDocumentReader implements DocumentReader {

  static final String PDF = "application/pdf";
  static final String DOCX =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  static final String HTML = "text/html";
  static final String MARKDOWN = "text/markdown";
  static final String CSV = "text/csv";
  static final String TEXT = "text/plain";

  /** What Tika's detector calls a type → the type Steward stores. */
  private static final Map<String, String> SUPPORTED =
      Map.of(
          PDF,
          PDF,
          DOCX,
          DOCX,
          HTML,
          HTML,
          "application/xhtml+xml",
          HTML,
          "text/x-web-markdown",
          MARKDOWN,
          MARKDOWN,
          MARKDOWN,
          CSV,
          CSV,
          TEXT,
          TEXT);

  /** More text than this from one document is refused: 5 million characters. */
  static final int MAX_CHARACTERS = 5_000_000;

  static final int MAX_CSV_ROWS = 100_000;

  private static final Logger LOG = Logger.getLogger(TikaDocumentReader.class.getName());
  private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.+?)\\s*#*\\s*$");

  /**
   * Content and file-name detection from tika-core's type database, and the parsers named
   * explicitly: Tika's service-loader discovery finds no parsers inside the EAR on Payara.
   */
  private final MimeTypes types = MimeTypes.getDefaultMimeTypes();

  private static Parser parserFor(String mediaType) {
    return switch (mediaType) {
      case PDF -> new PDFParser();
      case DOCX -> new OOXMLParser();
      default -> new JSoupParser();
    };
  }

  @Override
  public Optional<String> supportedType(byte[] bytes, String fileName) {
    Metadata metadata = new Metadata();
    if (fileName != null) {
      metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
    }
    try (TikaInputStream stream = TikaInputStream.get(bytes)) {
      MediaType detected = types.detect(stream, metadata);
      return Optional.ofNullable(SUPPORTED.get(detected.getBaseType().toString()));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  @Override
  public List<Passage> read(byte[] bytes, String mediaType) throws UnreadableDocumentException {
    if (bytes.length == 0) {
      throw new UnreadableDocumentException("The file is empty");
    }
    return switch (mediaType) {
      case MARKDOWN -> markdown(text(bytes));
      case CSV -> csv(text(bytes));
      case TEXT -> paragraphs(text(bytes), null);
      case PDF, DOCX, HTML -> withTika(bytes, mediaType);
      default ->
          throw new UnreadableDocumentException(
              "Files of type " + mediaType + " are not supported");
    };
  }

  private List<Passage> withTika(byte[] bytes, String mediaType)
      throws UnreadableDocumentException {
    StructureHandler structure = new StructureHandler(MAX_CHARACTERS);
    Metadata metadata = new Metadata();
    metadata.set(Metadata.CONTENT_TYPE, mediaType);
    try (TikaInputStream stream = TikaInputStream.get(bytes)) {
      SecureContentHandler guard = new SecureContentHandler(structure, stream);
      try {
        parserFor(mediaType).parse(stream, guard, metadata, new ParseContext());
      } catch (SAXException e) {
        guard.throwIfCauseOf(e);
        throw e;
      }
    } catch (EncryptedDocumentException e) {
      throw new UnreadableDocumentException(
          "The file is encrypted or password-protected; upload it without protection");
    } catch (StructureHandler.TooMuchText e) {
      throw tooMuchText();
    } catch (TikaException | SAXException | IOException | RuntimeException e) {
      LOG.log(Level.FINE, "Could not read a " + mediaType + " file", e);
      if (expandsTooMuch(e)) {
        throw new UnreadableDocumentException(
            "The file expands to far more data than its size (a possible zip bomb)");
      }
      throw new UnreadableDocumentException(
          "The file could not be read as " + describe(mediaType) + "; it may be damaged");
    }
    return structure.passages();
  }

  /**
   * Whether a parser refused the file for expanding too far: POI reports a zip bomb or a part
   * beyond its size limit; Tika's guard reports a suspected zip bomb.
   */
  private static boolean expandsTooMuch(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
      if (message.contains("bomb") || message.contains("maximum length for this record")) {
        return true;
      }
    }
    return false;
  }

  private static String describe(String mediaType) {
    return switch (mediaType) {
      case PDF -> "PDF";
      case DOCX -> "a Word document";
      default -> "HTML";
    };
  }

  private static UnreadableDocumentException tooMuchText() {
    return new UnreadableDocumentException(
        "The document holds more than " + MAX_CHARACTERS + " characters of text; split it up");
  }

  /** UTF-8 when the bytes are valid UTF-8, otherwise Windows-1252 (which accepts any byte). */
  private static String text(byte[] bytes) throws UnreadableDocumentException {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      text = new String(bytes, Charset.forName("windows-1252"));
    }
    if (text.length() > MAX_CHARACTERS) {
      throw tooMuchText();
    }
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private static List<Passage> markdown(String text) {
    List<Passage> passages = new ArrayList<>();
    String section = null;
    StringBuilder paragraph = new StringBuilder();
    for (String line : text.split("\\R", -1)) {
      Matcher heading = HEADING.matcher(line);
      if (heading.matches()) {
        flush(paragraph, section, passages);
        section = heading.group(2);
      } else if (line.isBlank()) {
        flush(paragraph, section, passages);
      } else {
        paragraph.append(paragraph.isEmpty() ? "" : "\n").append(line);
      }
    }
    flush(paragraph, section, passages);
    return passages;
  }

  private static List<Passage> paragraphs(String text, String section) {
    List<Passage> passages = new ArrayList<>();
    for (String paragraph : text.split("\\R\\s*\\R")) {
      if (!paragraph.isBlank()) {
        passages.add(new Passage(paragraph.strip(), section, null));
      }
    }
    return passages;
  }

  private static void flush(StringBuilder paragraph, String section, List<Passage> passages) {
    if (!paragraph.toString().isBlank()) {
      passages.add(new Passage(paragraph.toString().strip(), section, null));
    }
    paragraph.setLength(0);
  }

  /** Each row becomes a passage "column: value; …", named after its row number. */
  private static List<Passage> csv(String text) throws UnreadableDocumentException {
    List<Passage> passages = new ArrayList<>();
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .get();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
      List<String> header = parser.getHeaderNames();
      for (CSVRecord row : parser) {
        if (row.getRecordNumber() > MAX_CSV_ROWS) {
          throw new UnreadableDocumentException(
              "The CSV file has more than " + MAX_CSV_ROWS + " rows; split it up");
        }
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < row.size(); i++) {
          String column = i < header.size() ? header.get(i) : "column " + (i + 1);
          line.append(line.isEmpty() ? "" : "; ").append(column).append(": ").append(row.get(i));
        }
        passages.add(new Passage(line.toString(), "Row " + row.getRecordNumber(), null));
      }
    } catch (IOException
        | UncheckedIOException
        | IllegalArgumentException
        | IllegalStateException e) {
      throw new UnreadableDocumentException("The file is not well-formed CSV");
    }
    return passages;
  }
}
