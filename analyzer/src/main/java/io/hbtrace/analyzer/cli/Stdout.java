package io.hbtrace.analyzer.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The CLI's standard output: it remembers whether a write failed because the reader went away (a
 * closed pipe, as {@code hbtrace print TRACE | head} closes it), which ends the command with {@link
 * ExitCodes#OUTPUT} but deserves no message, as with the shell's own tools.
 */
final class Stdout extends FilterOutputStream {
  private volatile boolean pipeClosed;

  Stdout() {
    this(new FileOutputStream(FileDescriptor.out));
  }

  /** Over {@code target} (tests). */
  Stdout(OutputStream target) {
    super(target);
  }

  /** True once a write found the pipe closed. */
  boolean pipeClosed() {
    return pipeClosed;
  }

  @Override
  public void write(int b) throws IOException {
    try {
      out.write(b);
    } catch (IOException e) {
      throw noted(e);
    }
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    try {
      out.write(b, off, len);
    } catch (IOException e) {
      throw noted(e);
    }
  }

  private IOException noted(IOException e) {
    if (String.valueOf(e.getMessage()).contains("Broken pipe")) {
      pipeClosed = true;
    }
    return e;
  }
}
