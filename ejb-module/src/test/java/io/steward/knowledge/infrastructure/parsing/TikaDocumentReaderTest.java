package io.steward.knowledge.infrastructure.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steward.knowledge.domain.Passage;
import io.steward.knowledge.domain.UnreadableDocumentException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

class TikaDocumentReaderTest {

  private final TikaDocumentReader reader = new TikaDocumentReader();

  @Test
  void should_read_pdf_pages() throws Exception {
    byte[] pdf;
    try (PDDocument document = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (String text : List.of("First page.", "Second page mentions the axolotl.")) {
        PDPage page = new PDPage();
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
          content.beginText();
          content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
          content.newLineAtOffset(72, 700);
          content.showText(text);
          content.endText();
        }
      }
      document.save(out);
      pdf = out.toByteArray();
    }
    assertEquals(Optional.of(TikaDocumentReader.PDF), reader.supportedType(pdf, "x.pdf"));
    List<Passage> passages = reader.read(pdf, TikaDocumentReader.PDF);
    assertEquals(
        List.of(
            new Passage("First page.", null, 1),
            new Passage("Second page mentions the axolotl.", null, 2)),
        passages);
  }

  @Test
  void should_read_docx_headings() throws Exception {
    byte[] docx;
    try (XWPFDocument document = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      document.createParagraph().createRun().setText("The quokka budget was approved.");
      document.write(out);
      docx = out.toByteArray();
    }
    assertEquals(Optional.of(TikaDocumentReader.DOCX), reader.supportedType(docx, "memo.docx"));
    List<Passage> passages = reader.read(docx, TikaDocumentReader.DOCX);
    assertTrue(
        passages.contains(new Passage("The quokka budget was approved.", null, null)),
        passages.toString());
  }

  @Test
  void should_name_why_a_file_cannot_be_read() {
    assertEquals(
        "The file is not well-formed CSV",
        assertThrows(
                UnreadableDocumentException.class,
                () ->
                    reader.read(
                        "a,b\n\"unclosed,2\n".getBytes(StandardCharsets.UTF_8),
                        TikaDocumentReader.CSV))
            .getMessage());
    assertEquals(
        "The file is empty",
        assertThrows(
                UnreadableDocumentException.class,
                () -> reader.read(new byte[0], TikaDocumentReader.TEXT))
            .getMessage());
  }

  @Test
  void should_keep_markdown_headings_and_csv_rows() throws Exception {
    assertEquals(
        List.of(
            new Passage("Intro.", null, null), new Passage("Twenty-eight days.", "Leave", null)),
        reader.read(
            "Intro.\n\n## Leave ##\n\nTwenty-eight days.\n".getBytes(StandardCharsets.UTF_8),
            TikaDocumentReader.MARKDOWN));
    assertEquals(
        List.of(new Passage("product: Gizmo; price: 25", "Row 1", null)),
        reader.read(
            "product,price\nGizmo,25\n".getBytes(StandardCharsets.UTF_8), TikaDocumentReader.CSV));
  }
}
