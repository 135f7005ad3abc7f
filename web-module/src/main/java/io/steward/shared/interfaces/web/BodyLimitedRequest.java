package io.steward.shared.interfaces.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A request whose body can be read only up to a limit: the byte after it fails the read with {@link
 * RequestBodyTooLargeException}, so a body without a length (chunked) is cut off there too.
 */
class BodyLimitedRequest extends HttpServletRequestWrapper {

  private final long limit;
  private ServletInputStream stream;
  private BufferedReader reader;

  BodyLimitedRequest(HttpServletRequest request, long limit) {
    super(request);
    this.limit = limit;
  }

  @Override
  public ServletInputStream getInputStream() throws IOException {
    if (stream == null) {
      stream = new Counted(super.getInputStream());
    }
    return stream;
  }

  @Override
  public BufferedReader getReader() throws IOException {
    if (reader == null) {
      reader = new BufferedReader(new InputStreamReader(getInputStream(), charsetOf(this)));
    }
    return reader;
  }

  /** The body's character set: the request's, or UTF-8, which JSON is when none is named. */
  static Charset charsetOf(ServletRequest request) {
    String encoding = request.getCharacterEncoding();
    return encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
  }

  private final class Counted extends ServletInputStream {

    private final ServletInputStream body;
    private long count;

    Counted(ServletInputStream body) {
      this.body = body;
    }

    @Override
    public int read() throws IOException {
      int b = body.read();
      if (b >= 0) {
        counted(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      // Never asks for more than one byte past the limit, so an oversized body is not read on.
      int n = body.read(buffer, offset, (int) Math.min(length, limit - count + 1));
      if (n > 0) {
        counted(n);
      }
      return n;
    }

    private void counted(int bytes) throws RequestBodyTooLargeException {
      count += bytes;
      if (count > limit) {
        throw new RequestBodyTooLargeException(limit);
      }
    }

    @Override
    public boolean isFinished() {
      return body.isFinished();
    }

    @Override
    public boolean isReady() {
      return body.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      body.setReadListener(listener);
    }
  }
}
