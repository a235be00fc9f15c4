package io.hbtrace.agent.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgentOptionsTest {

  @Test
  void parsesEveryOption() throws Exception {
    AgentOptions o =
        AgentOptions.parse(
            "out=/tmp/t-{pid},spec=my.spec,failOnError=true,verbose=true,format=text,"
                + "meta.variant=pre-fix,meta.seed=42",
            1234);
    assertThat(o.out()).isEqualTo(Path.of("/tmp/t-1234"));
    assertThat(o.spec()).isEqualTo("my.spec");
    assertThat(o.failOnError()).isTrue();
    assertThat(o.verbose()).isTrue();
    assertThat(o.format()).isEqualTo("text");
    assertThat(o.metadata()).isEqualTo(Map.of("variant", "pre-fix", "seed", "42"));
  }

  @Test
  void defaults() throws Exception {
    AgentOptions o = AgentOptions.parse("out=trace", 1);
    assertThat(o.spec()).isEqualTo("builtin:sample-fs");
    assertThat(o.failOnError()).isFalse();
    assertThat(o.verbose()).isFalse();
    assertThat(o.format()).isEqualTo("trace");
    assertThat(o.failHooks()).isFalse();
    assertThat(o.metadata()).isEmpty();
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''| missing option out=DIR (e.g. -javaagent:hbtrace-agent.jar=out=trace)",
        "spec=x| missing option out=DIR",
        "out=a,,spec=b| empty option in 'out=a,,spec=b' (options are key=value,key=value)",
        "out| bad option 'out': expected key=value",
        "=x| bad option '=x': expected key=value",
        "out=a,colour=red| unknown option 'colour' (known: out, spec, failOnError, startResult,"
            + " verbose, format, failHooks, replay, replayResult, explore, exploreResult,"
            + " explorePreemptions, exploreRuns, exploreSeed, meta.KEY)",
        "out=a,startResult=| bad option 'startResult': empty path",
        "out=a,out=b| option 'out' given twice",
        "out=a,meta.k=1,meta.k=2| option 'meta.k' given twice",
        "out=a,meta.=1| bad option 'meta.=1': meta needs a key (meta.KEY=VALUE)",
        "out=| bad option 'out': empty directory name",
        "out=a,spec=| bad option 'spec': empty (give a file or builtin:NAME)",
        "out=a,format=json| bad option 'format': 'json' (expected trace, text or none)",
        "out=a,verbose=yes| bad option 'verbose': 'yes' (expected true or false)",
        "out=a,failOnError=1| bad option 'failOnError': '1' (expected true or false)",
        "replay=| bad option 'replay': empty path",
        "out=a,replayResult=r| option 'replayResult' needs replay=TRACE",
        "explore=bfs| bad option 'explore': 'bfs' (expected dfs or random)",
        "explore=dfs,replay=t| options 'replay' and 'explore' exclude each other",
        "out=a,exploreRuns=5| option 'exploreRuns' needs explore=dfs or explore=random",
        "explore=dfs,explorePreemptions=11| bad option 'explorePreemptions': '11' (expected a whole"
            + " number from 0 to 10)",
        "explore=random,exploreRuns=0| bad option 'exploreRuns': '0' (expected a whole number from 1"
            + " up)",
        "explore=random,exploreSeed=x| bad option 'exploreSeed': 'x' (expected a whole number from"
            + " -9223372036854775808 up)",
        "replay=t,format=trace| missing option out=DIR",
      })
  void everyProblemNamesTheOption(String args, String message) {
    assertThatThrownBy(() -> AgentOptions.parse(args, 1))
        .isInstanceOf(OptionsException.class)
        .hasMessage(message.strip());
  }

  @Test
  void aScheduledRunNeedNotRecord() throws Exception {
    AgentOptions replay = AgentOptions.parse("replay=t,replayResult=r", 1);
    assertThat(replay.replay()).isEqualTo(Path.of("t"));
    assertThat(replay.replayResult()).isEqualTo(Path.of("r"));
    assertThat(replay.format()).isEqualTo("none");
    AgentOptions explore = AgentOptions.parse("explore=random,exploreRuns=50,exploreSeed=-3", 1);
    assertThat(explore.explore()).isEqualTo("random");
    assertThat(explore.exploreRuns()).isEqualTo(50);
    assertThat(explore.exploreSeed()).isEqualTo(-3);
    assertThat(explore.explorePreemptions()).isEqualTo(2);
    assertThat(explore.format()).isEqualTo("none");
    assertThat(AgentOptions.parse("out=d,explore=dfs", 1).format()).isEqualTo("trace");
  }

  @Test
  void failOnErrorIsSeenEvenInBadOptions() {
    assertThat(AgentOptions.failOnErrorRequested("colour=red,failOnError=true")).isTrue();
    assertThat(AgentOptions.failOnErrorRequested("out=x")).isFalse();
    assertThat(AgentOptions.failOnErrorRequested(null)).isFalse();
  }

  @Test
  void commandLineOfAMainClassAndOfAJar() {
    CommandLine c = CommandLine.parse("a.b.Main --variant pre-fix -n 8");
    assertThat(c.mainClass()).isEqualTo("a.b.Main");
    assertThat(c.arguments()).containsExactly("--variant", "pre-fix", "-n", "8");
    assertThat(c.jar()).isNull();
    CommandLine j = CommandLine.parse("missing.jar x");
    assertThat(j.jar()).isEqualTo("missing.jar");
    assertThat(j.mainClass()).isEmpty();
    assertThat(j.arguments()).containsExactly("x");
    // java -jar "/a b/app.jar" x y: the class path is the jar, spaces and all
    CommandLine s = CommandLine.parse("/a b/app.jar x y", "/a b/app.jar");
    assertThat(s.jar()).isEqualTo("/a b/app.jar");
    assertThat(s.arguments()).containsExactly("x", "y");
    assertThat(CommandLine.parse("/a b/app.jar", "/a b/app.jar").arguments()).isEmpty();
    assertThat(CommandLine.parse("a.b.Main x", "/lib/a.jar").mainClass()).isEqualTo("a.b.Main");
  }
}
