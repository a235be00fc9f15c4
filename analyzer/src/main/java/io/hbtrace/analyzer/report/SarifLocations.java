package io.hbtrace.analyzer.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.hbtrace.analyzer.SourceSite;
import io.hbtrace.analyzer.Symbols;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The SARIF pieces made from source sites: {@code location} objects (a file under {@value #SRCROOT}
 * derived from the class's package and its source file name, the line, and the method as a logical
 * location) and the site-pair fingerprint.
 */
final class SarifLocations {
  /** The uriBaseId of every source path: a source root of the recorded program. */
  static final String SRCROOT = "SRCROOT";

  /** The partialFingerprints key; the suffix changes if the way it is computed ever does. */
  static final String FINGERPRINT = "hbtraceSites/v1";

  private SarifLocations() {}

  /**
   * Writes one {@code location}: physical (when the source file is known), logical (when the class
   * is), and a message. {@code id} is written when not negative.
   */
  static void write(JsonGenerator g, int id, SourceSite s, String message) throws IOException {
    g.writeStartObject();
    if (id >= 0) {
      g.writeNumberField("id", id);
    }
    String uri = uri(s);
    if (uri != null) {
      g.writeObjectFieldStart("physicalLocation");
      g.writeObjectFieldStart("artifactLocation");
      g.writeStringField("uri", uri);
      g.writeStringField("uriBaseId", SRCROOT);
      g.writeEndObject();
      if (s.line() > 0) {
        g.writeObjectFieldStart("region");
        g.writeNumberField("startLine", s.line());
        g.writeEndObject();
      }
      g.writeEndObject();
    }
    if (known(s.className()) && known(s.method())) {
      g.writeArrayFieldStart("logicalLocations");
      g.writeStartObject();
      g.writeStringField("name", s.method());
      g.writeStringField("fullyQualifiedName", s.className() + "." + s.method());
      g.writeStringField("kind", "function");
      g.writeEndObject();
      g.writeEndArray();
    }
    g.writeObjectFieldStart("message");
    g.writeStringField("text", message);
    g.writeEndObject();
    g.writeEndObject();
  }

  /**
   * The source path relative to a source root, e.g. {@code io/hbtrace/samplefs/Inode.java} for
   * class {@code io.hbtrace.samplefs.Inode} (or a nested class of it) in {@code Inode.java}; null
   * when the class or its source file is unknown.
   */
  static String uri(SourceSite s) {
    if (!known(s.className()) || !known(s.file())) {
      return null;
    }
    int dot = s.className().lastIndexOf('.');
    String dir = dot < 0 ? "" : s.className().substring(0, dot).replace('.', '/') + "/";
    return dir + s.file();
  }

  /**
   * The finding's key with every site id in it replaced by the site it names ({@code
   * class.method:line}): the same in every trace of the same code, unlike the ids.
   */
  static List<String> keySites(Finding f, Symbols symbols) {
    List<String> parts = new ArrayList<>();
    for (String token : f.key().split(":", -1)) {
      parts.add(
          token.matches("\\d{1,9}") ? siteName(symbols.site(Integer.parseInt(token))) : token);
    }
    return parts;
  }

  /** A digest of the check and its key's sites: what stays the same when a run is repeated. */
  static String fingerprint(Finding f, Symbols symbols) {
    String text = f.check() + "|" + String.join("|", keySites(f, symbols));
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  private static String siteName(SourceSite s) {
    return s.className() + "." + s.method() + ":" + s.line();
  }

  private static boolean known(String name) {
    return name != null && !name.isEmpty() && !name.equals("?");
  }
}
