package io.hbtrace.agent.spec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Loads a spec by the name the {@code spec=} option gives: a file path or {@code builtin:NAME}. */
public final class SpecLoader {
  /** Prefix of built-in spec names. */
  public static final String BUILTIN = "builtin:";

  /** The built-in specs, resources {@code io/hbtrace/agent/spec/NAME.spec} in the agent jar. */
  public static final List<String> BUILTINS = List.of("sample-fs");

  private SpecLoader() {}

  public static Spec load(String name) throws SpecException {
    if (name.startsWith(BUILTIN)) {
      String b = name.substring(BUILTIN.length());
      if (!BUILTINS.contains(b)) {
        throw new SpecException(
            "unknown built-in spec '" + name + "' (built in: " + String.join(", ", BUILTINS) + ")");
      }
      try (InputStream in = SpecLoader.class.getResourceAsStream(b + ".spec")) {
        if (in == null) {
          throw new SpecException("built-in spec '" + name + "' is missing from the agent jar");
        }
        return SpecParser.parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new SpecException("cannot read built-in spec '" + name + "': " + e.getMessage());
      }
    }
    Path p = Path.of(name);
    String text;
    try {
      if (Files.isDirectory(p)) {
        throw new SpecException("spec file " + name + " is a directory");
      }
      text = Files.readString(p, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new SpecException("spec file not found: " + name);
    } catch (CharacterCodingException e) {
      throw new SpecException("spec file " + name + " is not UTF-8 text");
    } catch (AccessDeniedException e) {
      throw new SpecException("cannot read spec file " + name + ": permission denied");
    } catch (IOException e) {
      throw new SpecException("cannot read spec file " + name + ": " + e.getMessage());
    }
    return SpecParser.parse(name, text);
  }
}
