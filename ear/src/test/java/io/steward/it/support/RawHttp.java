package io.steward.it.support;

import io.restassured.path.json.JsonPath;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 connection driven by hand, for what ordinary clients will not do: send the headers
 * of a request and then its body slowly, in chunks or not at all, while reading the answer.
 */
public final class RawHttp implements AutoCloseable {

  /** Writes part of a request body; may fail once the server stopped reading. */
  public interface Writes {
    void to(RawHttp connection) throws IOException, InterruptedException;
  }

  /** An answer: status, headers (names in lower case) and body. */
  public record Answer(int status, Map<String, String> headers, String body) {
    public JsonPath json() {
      return new JsonPath(body);
    }
  }

  private final Socket socket;
  private final OutputStream out;
  private final InputStream in;

  private RawHttp(Socket socket) throws IOException {
    this.socket = socket;
    this.out = socket.getOutputStream();
    this.in = new BufferedInputStream(socket.getInputStream());
  }

  public static RawHttp connect() throws IOException {
    URI server = URI.create(Steward.URL);
    Socket socket = new Socket(server.getHost(), server.getPort());
    socket.setSoTimeout(60_000);
    return new RawHttp(socket);
  }

  /** Sends the request line and headers; the body follows separately. */
  public void head(String method, String path, Map<String, String> headers) throws IOException {
    StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
    URI server = URI.create(Steward.URL);
    head.append("Host: ").append(server.getHost()).append(':').append(server.getPort());
    head.append("\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  public void send(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  /** One chunk of a chunked body; an empty one ends it. */
  public void chunk(byte[] bytes) throws IOException {
    out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(bytes);
    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /**
   * Runs the writes on a thread of their own, so the answer can be read meanwhile; a write the
   * server no longer reads just ends them.
   */
  public Thread sendMeanwhile(Writes writes) {
    Thread writer =
        new Thread(
            () -> {
              try {
                writes.to(this);
              } catch (IOException stoppedReading) {
                // the server answered and closed the connection: nothing more to send
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "raw-http-writer");
    writer.setDaemon(true);
    writer.start();
    return writer;
  }

  /** Reads the answer: body by Content-Length, chunked, or up to the end of the connection. */
  public Answer answer() throws IOException {
    String statusLine = line();
    int status = Integer.parseInt(statusLine.split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line = line(); !line.isEmpty(); line = line()) {
      int colon = line.indexOf(':');
      headers.put(
          line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
          line.substring(colon + 1).strip());
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (headers.containsKey("content-length")) {
      body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
    } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      for (int size = Integer.parseInt(line().split(";")[0].strip(), 16);
          size > 0;
          size = Integer.parseInt(line().split(";")[0].strip(), 16)) {
        body.write(in.readNBytes(size));
        line();
      }
    } else {
      body.write(in.readAllBytes());
    }
    return new Answer(status, headers, body.toString(StandardCharsets.UTF_8));
  }

  private String line() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("the connection ended within a line: " + line);
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
