package io.hbtrace.analyzer.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;

/**
 * The CLI's standard output: it remembers whether a write failed because the reader went away (a
 * closed pipe, as {@code hbtrace print TRACE | head} closes it), which ends the command with {@link
 * ExitCodes#OUTPUT} but deserves no message, as with the shell's own tools.
 */
final class Stdout extends FilterOutputStream {
  private static volatile boolean pipeClosed;

  Stdout() {
    super(new FileOutputStream(FileDescriptor.out));
  }

  /** True once a write found the pipe closed. */
  static boolean pipeClosed() {
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

  private static IOException noted(IOException e) {
    if (String.valueOf(e.getMessage()).contains("Broken pipe")) {
      pipeClosed = true;
    }
    return e;
  }
}
