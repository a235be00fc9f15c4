package io.hbtrace.analyzer.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/** A failure with a one-line message for the user and the exit code that goes with it. */
final class CliException extends Exception {
  private static final long serialVersionUID = 1L;
  private final int exitCode;

  CliException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  CliException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }

  /** {@code out} (a file or directory hbtrace writes) cannot be written, in plain words. */
  static CliException cannotWrite(Path out, IOException e) {
    String why;
    if (e instanceof NoSuchFileException) {
      why = "no such directory";
    } else if (e instanceof AccessDeniedException) {
      why = "permission denied";
    } else if (e instanceof FileSystemException f && f.getReason() != null) {
      why = f.getReason().toLowerCase(Locale.ROOT);
    } else {
      why = e.getMessage();
    }
    return new CliException(ExitCodes.OUTPUT, "cannot write " + out + ": " + why, e);
  }
}
