package io.steward.shared.interfaces.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.util.Optional;

/**
 * A request whose body was read whole (within its limit) before it reaches the servlet, so the
 * filters after it can look into the body too: the GraphQL request, read as JSON anyway.
 */
public class BufferedBodyRequest extends HttpServletRequestWrapper {

  private final byte[] body;

  public BufferedBodyRequest(HttpServletRequest request, byte[] body) {
    super(request);
    this.body = body;
  }

  /** The body read by this or an enclosed request wrapper, if one was. */
  public static Optional<byte[]> bodyOf(ServletRequest request) {
    for (ServletRequest r = request; ; r = ((ServletRequestWrapper) r).getRequest()) {
      if (r instanceof BufferedBodyRequest buffered) {
        return Optional.of(buffered.body);
      }
      if (!(r instanceof ServletRequestWrapper)) {
        return Optional.empty();
      }
    }
  }

  @Override
  public int getContentLength() {
    return body.length;
  }

  @Override
  public long getContentLengthLong() {
    return body.length;
  }

  @Override
  public ServletInputStream getInputStream() {
    ByteArrayInputStream bytes = new ByteArrayInputStream(body);
    return new ServletInputStream() {
      @Override
      public int read() {
        return bytes.read();
      }

      @Override
      public int read(byte[] buffer, int offset, int length) {
        return bytes.read(buffer, offset, length);
      }

      @Override
      public boolean isFinished() {
        return bytes.available() == 0;
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setReadListener(ReadListener listener) {
        throw new UnsupportedOperationException("the body was read already");
      }
    };
  }

  @Override
  public BufferedReader getReader() {
    return new BufferedReader(
        new InputStreamReader(getInputStream(), BodyLimitedRequest.charsetOf(this)));
  }
}
