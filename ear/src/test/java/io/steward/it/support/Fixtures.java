package io.steward.it.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/** Files for the knowledge tests, written here rather than checked in as opaque binaries. */
public final class Fixtures {

  private Fixtures() {}

  /** A PDF with one line of text on each page. */
  public static byte[] pdf(String... pages) throws IOException {
    try (PDDocument document = new PDDocument()) {
      for (String text : pages) {
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
      return save(document);
    }
  }

  /** A PDF that opens only with a password. */
  public static byte[] encryptedPdf() throws IOException {
    try (PDDocument document = new PDDocument()) {
      document.addPage(new PDPage());
      StandardProtectionPolicy policy =
          new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
      policy.setEncryptionKeyLength(128);
      document.protect(policy);
      return save(document);
    }
  }

  /** A Word document with a heading and a paragraph under it. */
  public static byte[] docx(String heading, String paragraph) throws IOException {
    try (XWPFDocument document = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      // Word marks headings by a style named "heading 1"; a new document has none until defined.
      CTStyle heading1 = CTStyle.Factory.newInstance();
      heading1.setStyleId("Heading1");
      heading1.addNewName().setVal("heading 1");
      heading1.setType(STStyleType.PARAGRAPH);
      document.createStyles().addStyle(new XWPFStyle(heading1));
      var title = document.createParagraph();
      title.setStyle("Heading1");
      title.createRun().setText(heading);
      document.createParagraph().createRun().setText(paragraph);
      document.write(out);
      return out.toByteArray();
    }
  }

  /**
   * A real Word document whose main part is padded with 200 MB of whitespace: a few hundred
   * kilobytes that inflate a thousandfold — a zip bomb.
   */
  public static byte[] zipBomb() throws IOException {
    byte[] docx = docx("Bomb", "Boom.");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(docx));
        ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        out.putNextEntry(new ZipEntry(entry.getName()));
        byte[] content = in.readAllBytes();
        if (entry.getName().equals("word/document.xml")) {
          String xml = new String(content, StandardCharsets.UTF_8);
          int body = xml.indexOf("<w:body>");
          out.write(xml.substring(0, body).getBytes(StandardCharsets.UTF_8));
          byte[] spaces = new byte[1 << 20];
          Arrays.fill(spaces, (byte) ' ');
          for (int i = 0; i < 200; i++) {
            out.write(spaces);
          }
          out.write(xml.substring(body).getBytes(StandardCharsets.UTF_8));
        } else {
          out.write(content);
        }
      }
    }
    return bytes.toByteArray();
  }

  private static byte[] save(PDDocument document) throws IOException {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      document.save(out);
      return out.toByteArray();
    }
  }
}
