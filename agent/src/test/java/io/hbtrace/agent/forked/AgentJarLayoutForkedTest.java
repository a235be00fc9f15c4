package io.hbtrace.agent.forked;

import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.agent.testing.ForkedJvm;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/** The agent jar: a thin entry point, the bridge and the relocated core as nested jars. */
class AgentJarLayoutForkedTest {

  private static List<String> entries(JarFile jar, String nested) throws Exception {
    List<String> out = new ArrayList<>();
    try (InputStream in = jar.getInputStream(jar.getEntry(nested));
        JarInputStream j = new JarInputStream(in)) {
      for (ZipEntry e; (e = j.getNextEntry()) != null; ) {
        out.add(e.getName());
      }
    }
    return out;
  }

  @Test
  void layoutAndManifest() throws Exception {
    try (JarFile jar = new JarFile(ForkedJvm.agentJar().toFile())) {
      Manifest m = jar.getManifest();
      var a = m.getMainAttributes();
      assertThat(a.getValue("Premain-Class")).isEqualTo("io.hbtrace.agent.entry.AgentEntry");
      assertThat(a.getValue("Agent-Class")).isEqualTo("io.hbtrace.agent.entry.AgentEntry");
      assertThat(a.getValue("Can-Retransform-Classes")).isEqualTo("true");
      assertThat(a.getValue("Can-Redefine-Classes")).isEqualTo("true");
      assertThat(a.getValue("Boot-Class-Path")).isNull();
      List<String> top =
          jar.stream().map(ZipEntry::getName).filter(n -> n.endsWith(".class")).toList();
      assertThat(top).allMatch(n -> n.startsWith("io/hbtrace/agent/entry/"));
      assertThat(jar.getEntry("hbtrace/bridge.jar")).isNotNull();
      assertThat(jar.getEntry("hbtrace/core.jar")).isNotNull();

      List<String> bridge = entries(jar, "hbtrace/bridge.jar");
      assertThat(bridge.stream().filter(n -> n.endsWith(".class")))
          .isNotEmpty()
          .allMatch(n -> n.startsWith("io/hbtrace/agent/bridge/"));

      List<String> core = entries(jar, "hbtrace/core.jar");
      assertThat(core).contains("io/hbtrace/agent/core/AgentCore.class");
      assertThat(core).contains("io/hbtrace/agent/spec/sample-fs.spec");
      assertThat(core)
          .anyMatch(n -> n.startsWith("io/hbtrace/agent/shaded/net/bytebuddy/"))
          .noneMatch(n -> n.startsWith("net/bytebuddy/"))
          .noneMatch(n -> n.startsWith("net/openhft/"))
          .noneMatch(n -> n.startsWith("org/slf4j/"))
          .noneMatch(n -> n.startsWith("io/hbtrace/agent/bridge/"))
          .noneMatch(n -> n.startsWith("io/hbtrace/agent/entry/"))
          .noneMatch(n -> n.startsWith("io/hbtrace/agent/shaded/io/hbtrace/agent/shaded/"));
    }
  }
}
