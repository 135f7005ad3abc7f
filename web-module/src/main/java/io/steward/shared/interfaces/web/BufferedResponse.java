package io.steward.shared.interfaces.web;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Holds back a response body so a filter can rewrite it before it is sent. */
class BufferedResponse extends HttpServletResponseWrapper {

  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private PrintWriter writer;
  private ServletOutputStream stream;

  BufferedResponse(HttpServletResponse response) {
    super(response);
  }

  @Override
  public ServletOutputStream getOutputStream() {
    if (stream == null) {
      stream =
          new ServletOutputStream() {
            @Override
            public boolean isReady() {
              return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
              throw new UnsupportedOperationException("buffered response is blocking");
            }

            @Override
            public void write(int b) {
              buffer.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
              buffer.write(b, off, len);
            }
          };
    }
    return stream;
  }

  @Override
  public PrintWriter getWriter() {
    if (writer == null) {
      writer = new PrintWriter(new OutputStreamWriter(buffer, StandardCharsets.UTF_8));
    }
    return writer;
  }

  @Override
  public void flushBuffer() {
    if (writer != null) {
      writer.flush();
    }
  }

  @Override
  public void setContentLength(int len) {}

  @Override
  public void setContentLengthLong(long len) {}

  String body() {
    flushBuffer();
    return buffer.toString(StandardCharsets.UTF_8);
  }
}
