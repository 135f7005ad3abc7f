package io.steward.knowledge.infrastructure.parsing;

import io.steward.knowledge.domain.Passage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Turns the XHTML events Tika emits for any format into passages: one per paragraph, list item or
 * table row, under the latest heading, on the current page ({@code <div class="page">} in PDFs).
 */
class StructureHandler extends DefaultHandler {

  /** Thrown when a document yields more text than allowed; stops parsing at once. */
  static final class TooMuchText extends SAXException {
    TooMuchText() {
      super("too much text");
    }
  }

  private static final Set<String> BLOCKS =
      Set.of("p", "li", "tr", "pre", "blockquote", "dd", "dt", "caption");
  private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

  private final int maxCharacters;
  private final List<Passage> passages = new ArrayList<>();
  private final StringBuilder text = new StringBuilder();
  private final StringBuilder heading = new StringBuilder();
  private boolean inHeading;
  private String section;
  private Integer page;
  private int characters;

  StructureHandler(int maxCharacters) {
    this.maxCharacters = maxCharacters;
  }

  List<Passage> passages() {
    flush();
    return passages;
  }

  @Override
  public void startElement(String uri, String localName, String qName, Attributes attributes) {
    String element = localName.toLowerCase(Locale.ROOT);
    if (HEADINGS.contains(element)) {
      flush();
      inHeading = true;
      heading.setLength(0);
    } else if (element.equals("div") && "page".equals(attributes.getValue("class"))) {
      flush();
      page = page == null ? 1 : page + 1;
    } else if (element.equals("td") || element.equals("th")) {
      if (!text.isEmpty()) {
        text.append(" | ");
      }
    } else if (element.equals("br")) {
      text.append('\n');
    }
  }

  @Override
  public void endElement(String uri, String localName, String qName) {
    String element = localName.toLowerCase(Locale.ROOT);
    if (HEADINGS.contains(element)) {
      inHeading = false;
      String title = heading.toString().strip();
      section = title.isEmpty() ? section : title;
    } else if (BLOCKS.contains(element)) {
      flush();
    }
  }

  @Override
  public void characters(char[] chars, int start, int length) throws SAXException {
    characters += length;
    if (characters > maxCharacters) {
      throw new TooMuchText();
    }
    (inHeading ? heading : text).append(chars, start, length);
  }

  @Override
  public void ignorableWhitespace(char[] chars, int start, int length) throws SAXException {
    characters(chars, start, length);
  }

  private void flush() {
    String passage = text.toString().replaceAll("[ \\t\\x0B\\f\\r]+", " ").strip();
    if (!passage.isEmpty()) {
      passages.add(new Passage(passage, section, page));
    }
    text.setLength(0);
  }
}
