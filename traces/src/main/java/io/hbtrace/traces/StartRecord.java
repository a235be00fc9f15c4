package io.hbtrace.traces;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The START record of a trace, as read back: what the producer passed in {@link TraceStart} plus
 * what the writer added. See {@code FORMAT.md}, "START".
 *
 * @param formatMajor format major version (readers reject a major they do not know)
 * @param formatMinor format minor version (additions only)
 * @param jvm JVM name and version, e.g. {@code "OpenJDK 64-Bit Server VM 17.0.15+6"}
 * @param pid process id of the writer
 * @param startEpochMillis wall-clock time the writer was created
 * @param startNanoTime {@code System.nanoTime()} at that moment (for relating other timestamps)
 * @param clock how events are ordered: {@code "seq"} (a global sequence number per event)
 * @param batchBytes capacity of a per-thread buffer: a batch document never holds more payload
 * @param flushIntervalMillis how often the background flusher sweeps (0: no flusher)
 * @param properties other facts the writer recorded (os.name, os.arch, java.vendor, ...)
 */
public record StartRecord(
    int formatMajor,
    int formatMinor,
    String producer,
    String producerVersion,
    String mainClass,
    List<String> arguments,
    Map<String, String> metadata,
    String jvm,
    long pid,
    long startEpochMillis,
    long startNanoTime,
    String clock,
    int batchBytes,
    int flushIntervalMillis,
    Map<String, String> properties) {

  public StartRecord {
    arguments = List.copyOf(arguments);
    metadata = Map.copyOf(metadata);
    properties = Map.copyOf(properties);
  }

  public Instant startTime() {
    return Instant.ofEpochMilli(startEpochMillis);
  }

  /** Format version as {@code "major.minor"}. */
  public String formatVersion() {
    return formatMajor + "." + formatMinor;
  }
}
