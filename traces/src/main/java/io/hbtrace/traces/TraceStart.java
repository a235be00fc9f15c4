package io.hbtrace.traces;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the producer tells the writer about the recorded program; the writer adds the format
 * version, JVM, pid, start time and clock (see {@link StartRecord}).
 *
 * @param producer the recording tool, e.g. {@code "hbtrace-agent"}
 * @param producerVersion its version
 * @param mainClass the recorded program's main class ({@code ""} when unknown)
 * @param arguments the program's arguments
 * @param metadata free key/value pairs, e.g. {@code variant}, {@code workload}, {@code seed}
 */
public record TraceStart(
    String producer,
    String producerVersion,
    String mainClass,
    List<String> arguments,
    Map<String, String> metadata) {

  public TraceStart {
    producer = Objects.requireNonNullElse(producer, "");
    producerVersion = Objects.requireNonNullElse(producerVersion, "");
    mainClass = Objects.requireNonNullElse(mainClass, "");
    arguments = arguments == null ? List.of() : List.copyOf(arguments);
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
  }

  /** A start with only the producer named, for tests and tools. */
  public static TraceStart of(String producer, String producerVersion) {
    return new TraceStart(producer, producerVersion, "", List.of(), Map.of());
  }
}
