package io.steward.knowledge.interfaces.rest;

import io.steward.shared.domain.InvalidInputException;
import io.steward.shared.domain.StewardException;
import io.steward.shared.interfaces.web.RequestBodyTooLargeException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;

/**
 * An upload form read part by part as it arrives: the part {@code file} is written straight to a
 * temporary file, at most one byte past the file size limit, so nothing of it is held in memory;
 * {@code title} and {@code tags} are short texts. Closing the form deletes the file.
 */
final class UploadForm implements AutoCloseable {

  /** Longest title or tag list read; the rules on titles and tags are far stricter. */
  private static final int MAX_TEXT_BYTES = 16 * 1024;

  private final Path file;
  private String fileName;
  private boolean fileReceived;
  private String title;
  private String tags;

  private UploadForm(Path file) {
    this.file = file;
  }

  /**
   * Reads the form of {@code request}; its file goes to {@code steward-upload-<requestId>-….part}
   * in the temporary directory, so an operator can tell whose upload a file there is.
   */
  static UploadForm read(HttpServletRequest request, String requestId, long maxFileBytes)
      throws StewardException, IOException {
    UploadForm form =
        new UploadForm(Files.createTempFile("steward-upload-" + requestId + "-", ".part"));
    try {
      form.readParts(request, maxFileBytes);
      return form;
    } catch (StewardException | IOException | RuntimeException e) {
      form.close();
      throw e;
    }
  }

  private void readParts(HttpServletRequest request, long maxFileBytes)
      throws StewardException, IOException {
    try {
      FileItemInputIterator parts = new JakartaServletFileUpload<>().getItemIterator(request);
      while (parts.hasNext()) {
        FileItemInput part = parts.next();
        String name = part.getFieldName() == null ? "" : part.getFieldName();
        if (name.equals("file") && !receive(part, maxFileBytes)) {
          // Cut off past the limit: the rest of the body is not read.
          return;
        }
        switch (name) {
          case "title" -> title = text(part, "title");
          case "tags" -> tags = text(part, "tags");
          default -> {
            // other parts are skipped as the next one is read
          }
        }
      }
    } catch (IOException e) {
      if (RequestBodyTooLargeException.causedIt(e)) {
        throw e;
      }
      throw new InvalidInputException("file", "must be sent as a multipart/form-data upload");
    }
    if (!fileReceived) {
      throw new InvalidInputException("file", "must be sent as the multipart part \"file\"");
    }
  }

  /**
   * Writes the file part into {@code file}, at most one byte more than the limit; false when it
   * stopped there (the knowledge base then refuses the file as too large). The part's stream is
   * left unclosed then, as closing it would read the rest of the part.
   */
  private boolean receive(FileItemInput part, long maxFileBytes) throws IOException {
    fileName = part.getName();
    fileReceived = true;
    InputStream content = part.getInputStream();
    try (OutputStream out = Files.newOutputStream(file)) {
      byte[] buffer = new byte[64 * 1024];
      long room = maxFileBytes + 1;
      while (room > 0) {
        int n = content.read(buffer, 0, (int) Math.min(buffer.length, room));
        if (n < 0) {
          return true;
        }
        out.write(buffer, 0, n);
        room -= n;
      }
      return false;
    }
  }

  private static String text(FileItemInput part, String field)
      throws IOException, InvalidInputException {
    try (InputStream content = part.getInputStream()) {
      byte[] bytes = content.readNBytes(MAX_TEXT_BYTES + 1);
      if (bytes.length > MAX_TEXT_BYTES) {
        throw new InvalidInputException(field, "is too long");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  /** The received file: its bytes as uploaded, or one byte more than the limit allows. */
  Path file() {
    return file;
  }

  String fileName() {
    return fileName;
  }

  String title() {
    return title;
  }

  String tags() {
    return tags;
  }

  @Override
  public void close() throws IOException {
    Files.deleteIfExists(file);
  }
}
