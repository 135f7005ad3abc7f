package io.steward.knowledge.interfaces.rest;

import java.nio.charset.StandardCharsets;

/**
 * The {@code Content-Disposition} of a download (RFC 6266): {@code filename} with an ASCII stand-in
 * for old clients, {@code filename*} with the name in UTF-8, percent-encoded (RFC 8187). Control
 * characters (CR and LF above all) are dropped, so a stored file name can never end the header.
 */
final class ContentDisposition {

  private static final String ATTR_CHARS = "!#$&+-.^_`|~";

  private ContentDisposition() {}

  static String attachment(String fileName) {
    String name =
        fileName == null
            ? ""
            : fileName
                .codePoints()
                .filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString()
                .strip();
    if (name.isEmpty()) {
      name = "download";
    }
    return "attachment; filename=\"" + asciiStandIn(name) + "\"; filename*=UTF-8''" + encoded(name);
  }

  /** Printable ASCII but quotes and backslashes; anything else becomes an underscore. */
  private static String asciiStandIn(String name) {
    StringBuilder ascii = new StringBuilder();
    name.codePoints()
        .forEach(
            c -> ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? (char) c : '_'));
    return ascii.toString();
  }

  private static String encoded(String name) {
    StringBuilder encoded = new StringBuilder();
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || ATTR_CHARS.indexOf(c) >= 0) {
        encoded.append((char) c);
      } else {
        encoded.append('%').append(String.format("%02X", c));
      }
    }
    return encoded.toString();
  }
}
