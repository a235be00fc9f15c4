package io.hbtrace.bench;

import jdk.jfr.Category;
import jdk.jfr.Event;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** The JFR side of {@link RecorderBench}: the fields of one hbtrace event, no stack trace. */
@Name("io.hbtrace.bench.Event")
@Category("hbtrace")
@StackTrace(false)
class JfrBenchEvent extends Event {
  int kind;
  int site;
  long f0;
  long f1;
  long f2;
}
