package io.github.httpswrapper.internal.relay;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Pushes the connection's idle deadline out on every write, so a long body in one direction keeps it alive. */
final class TouchingOutputStream extends FilterOutputStream {
  private final RelayConnection connection;

  TouchingOutputStream(OutputStream out, RelayConnection connection) {
    super(out);
    this.connection = connection;
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    connection.touch();
    out.write(b, off, len);
  }

  @Override
  public void write(int b) throws IOException {
    connection.touch();
    out.write(b);
  }
}
