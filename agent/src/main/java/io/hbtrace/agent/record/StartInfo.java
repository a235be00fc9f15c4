package io.hbtrace.agent.record;

import java.util.List;
import java.util.Map;

/** What goes into the trace's start record: the recorded program and the agent's metadata. */
public record StartInfo(
    String producer,
    String producerVersion,
    String mainClass,
    List<String> arguments,
    Map<String, String> metadata) {

  public StartInfo {
    arguments = List.copyOf(arguments);
    metadata = Map.copyOf(metadata);
  }
}
