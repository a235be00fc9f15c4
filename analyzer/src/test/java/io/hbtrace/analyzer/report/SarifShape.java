package io.hbtrace.analyzer.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A structural check of a SARIF 2.1.0 log against the parts of the OASIS schema that hbtrace
 * writes: for each object kind, the property names the schema allows (it allows no others), the
 * required ones, value types, enums and minimums, array minimum sizes and uniqueness; plus the
 * result's {@code ruleIndex} pointing at the rule named by its {@code ruleId}. Property names and
 * constraints are those of {@code sarif-schema-2.1.0.json}. (Longer than most files here because it
 * spells out the schema's property names for every object kind it checks.)
 */
public final class SarifShape {
  private static final Set<String> LEVELS = Set.of("none", "note", "warning", "error");
  private static final Map<String, List<String>> KEYS =
      Map.ofEntries(
          keys("log", "$schema version runs inlineExternalProperties properties"),
          keys(
              "run",
              "tool invocations conversion language versionControlProvenance "
                  + "originalUriBaseIds artifacts logicalLocations graphs results "
                  + "automationDetails runAggregates baselineGuid redactionTokens "
                  + "defaultEncoding defaultSourceLanguage newlineSequences columnKind "
                  + "externalPropertyFileReferences threadFlowLocations taxonomies "
                  + "addresses translations policies webRequests webResponses "
                  + "specialLocations properties"),
          keys("tool", "driver extensions properties"),
          keys(
              "toolComponent",
              "guid name organization product productSuite shortDescription "
                  + "fullDescription fullName version semanticVersion "
                  + "dottedQuadFileVersion releaseDateUtc downloadUri informationUri "
                  + "globalMessageStrings notifications rules taxa locations language "
                  + "contents isComprehensive localizedDataSemanticVersion "
                  + "minimumRequiredLocalizedDataSemanticVersion associatedComponent "
                  + "translationMetadata supportedTaxonomies properties"),
          keys(
              "reportingDescriptor",
              "id deprecatedIds guid deprecatedGuids name deprecatedNames "
                  + "shortDescription fullDescription messageStrings defaultConfiguration "
                  + "helpUri help relationships properties"),
          keys("reportingConfiguration", "enabled level rank parameters properties"),
          keys(
              "invocation",
              "commandLine arguments responseFiles startTimeUtc endTimeUtc exitCode "
                  + "ruleConfigurationOverrides notificationConfigurationOverrides "
                  + "toolExecutionNotifications toolConfigurationNotifications "
                  + "exitCodeDescription exitSignalName exitSignalNumber "
                  + "processStartFailureMessage executionSuccessful machine account "
                  + "processId executableLocation workingDirectory environmentVariables "
                  + "stdin stdout stderr stdoutStderr properties"),
          keys(
              "notification",
              "locations message level threadId timeUtc exception descriptor "
                  + "associatedRule properties"),
          keys("artifactLocation", "uri uriBaseId index description properties"),
          keys(
              "result",
              "ruleId ruleIndex rule kind level message analysisTarget locations "
                  + "guid correlationGuid occurrenceCount partialFingerprints "
                  + "fingerprints stacks codeFlows graphs graphTraversals "
                  + "relatedLocations suppressions baselineState rank attachments "
                  + "hostedViewerUri workItemUris provenance fixes taxa webRequest "
                  + "webResponse properties"),
          keys(
              "location",
              "id physicalLocation logicalLocations message annotations "
                  + "relationships properties"),
          keys("physicalLocation", "address artifactLocation region contextRegion properties"),
          keys(
              "region",
              "startLine startColumn endLine endColumn charOffset charLength "
                  + "byteOffset byteLength snippet message sourceLanguage properties"),
          keys(
              "logicalLocation",
              "name index fullyQualifiedName decoratedName parentIndex kind " + "properties"),
          keys("codeFlow", "message threadFlows properties"),
          keys("threadFlow", "id message initialState immutableState locations properties"),
          keys(
              "threadFlowLocation",
              "index location stack kinds taxa module state nestingLevel "
                  + "executionOrder executionTimeUtc importance webRequest webResponse "
                  + "properties"),
          keys("message", "text markdown id arguments properties"),
          keys("multiformatMessageString", "text markdown properties"));

  private final List<String> problems = new ArrayList<>();

  private SarifShape() {}

  private static Map.Entry<String, List<String>> keys(String def, String names) {
    return Map.entry(def, List.of(names.split(" ")));
  }

  /** What is wrong with the log; empty if nothing. */
  public static List<String> problems(Object log) {
    SarifShape s = new SarifShape();
    Map<String, Object> root = s.obj("$", log, "log", "version", "runs");
    if (root != null) {
      s.check("$.version", "2.1.0".equals(root.get("version")), "must be \"2.1.0\"");
      s.string("$.$schema", root.get("$schema"), false);
      for (Object run : s.array("$.runs", root.get("runs"), 0, false)) {
        s.run("$.runs[]", run);
      }
    }
    return s.problems;
  }

  private void run(String path, Object v) {
    Map<String, Object> run = obj(path, v, "run", "tool");
    if (run == null) {
      return;
    }
    Map<String, Object> tool = obj(path + ".tool", run.get("tool"), "tool", "driver");
    List<String> ruleIds = new ArrayList<>();
    if (tool != null) {
      Map<String, Object> driver =
          obj(path + ".tool.driver", tool.get("driver"), "toolComponent", "name");
      if (driver != null) {
        string(path + ".tool.driver.name", driver.get("name"), true);
        string(path + ".tool.driver.version", driver.get("version"), false);
        mfms(path + ".tool.driver.shortDescription", driver.get("shortDescription"));
        for (Object r : array(path + ".tool.driver.rules", driver.get("rules"), 0, true)) {
          ruleIds.add(rule(path + ".tool.driver.rules[]", r));
        }
      }
    }
    for (Object inv : array(path + ".invocations", run.get("invocations"), 0, false)) {
      Map<String, Object> i =
          obj(path + ".invocations[]", inv, "invocation", "executionSuccessful");
      if (i != null) {
        check(
            path + ".invocations[].executionSuccessful",
            i.get("executionSuccessful") instanceof Boolean,
            "must be a boolean");
        for (Object n :
            array(
                path + ".invocations[].toolExecutionNotifications",
                i.get("toolExecutionNotifications"),
                0,
                false)) {
          Map<String, Object> note =
              obj(
                  path + ".invocations[].toolExecutionNotifications[]",
                  n,
                  "notification",
                  "message");
          if (note != null) {
            message(path + ".notification.message", note.get("message"));
            level(path + ".notification.level", note.get("level"));
          }
        }
      }
    }
    if (run.get("originalUriBaseIds") instanceof Map<?, ?> bases) {
      for (Object base : bases.values()) {
        Map<String, Object> a = obj(path + ".originalUriBaseIds.*", base, "artifactLocation");
        if (a != null && a.containsKey("description")) {
          message(path + ".originalUriBaseIds.*.description", a.get("description"));
        }
      }
    }
    check(path + ".results", run.containsKey("results"), "a scan's log must have results");
    for (Object r : array(path + ".results", run.get("results"), 0, false)) {
      result(path + ".results[]", r, ruleIds);
    }
    propertyBag(path + ".properties", run.get("properties"));
  }

  private String rule(String path, Object v) {
    Map<String, Object> r = obj(path, v, "reportingDescriptor", "id");
    if (r == null) {
      return null;
    }
    string(path + ".id", r.get("id"), true);
    string(path + ".name", r.get("name"), false);
    mfms(path + ".shortDescription", r.get("shortDescription"));
    mfms(path + ".fullDescription", r.get("fullDescription"));
    mfms(path + ".help", r.get("help"));
    if (r.get("defaultConfiguration") != null) {
      Map<String, Object> c =
          obj(
              path + ".defaultConfiguration",
              r.get("defaultConfiguration"),
              "reportingConfiguration");
      if (c != null) {
        level(path + ".defaultConfiguration.level", c.get("level"));
      }
    }
    return String.valueOf(r.get("id"));
  }

  private void result(String path, Object v, List<String> ruleIds) {
    Map<String, Object> r = obj(path, v, "result", "message");
    if (r == null) {
      return;
    }
    message(path + ".message", r.get("message"));
    level(path + ".level", r.get("level"));
    string(path + ".ruleId", r.get("ruleId"), false);
    if (r.get("ruleIndex") != null) {
      long i = integer(path + ".ruleIndex", r.get("ruleIndex"), -1);
      check(
          path + ".ruleIndex",
          i < ruleIds.size() && (i < 0 || ruleIds.get((int) i).equals(r.get("ruleId"))),
          "must point at the rule named by ruleId");
    }
    for (Object l : array(path + ".locations", r.get("locations"), 0, false)) {
      location(path + ".locations[]", l);
    }
    Set<Long> ids = new HashSet<>();
    for (Object l : array(path + ".relatedLocations", r.get("relatedLocations"), 0, true)) {
      location(path + ".relatedLocations[]", l);
      if (l instanceof Map<?, ?> m && m.get("id") instanceof Long id) {
        check(path + ".relatedLocations[].id", ids.add(id), "ids must distinguish the locations");
      }
    }
    for (Object cf : array(path + ".codeFlows", r.get("codeFlows"), 0, false)) {
      Map<String, Object> c = obj(path + ".codeFlows[]", cf, "codeFlow", "threadFlows");
      if (c == null) {
        continue;
      }
      message(path + ".codeFlows[].message", c.get("message"));
      for (Object tf : array(path + ".codeFlows[].threadFlows", c.get("threadFlows"), 1, false)) {
        Map<String, Object> t = obj(path + ".threadFlows[]", tf, "threadFlow", "locations");
        if (t == null) {
          continue;
        }
        string(path + ".threadFlows[].id", t.get("id"), false);
        message(path + ".threadFlows[].message", t.get("message"));
        for (Object tl : array(path + ".threadFlows[].locations", t.get("locations"), 1, false)) {
          Map<String, Object> s =
              obj(path + ".threadFlows[].locations[]", tl, "threadFlowLocation");
          if (s != null) {
            location(path + ".threadFlowLocation.location", s.get("location"));
            if (s.get("executionOrder") != null) {
              integer(path + ".threadFlowLocation.executionOrder", s.get("executionOrder"), -1);
            }
            for (Object k : array(path + ".threadFlowLocation.kinds", s.get("kinds"), 0, true)) {
              string(path + ".threadFlowLocation.kinds[]", k, true);
            }
            propertyBag(path + ".threadFlowLocation.properties", s.get("properties"));
          }
        }
      }
    }
    for (String f : List.of("partialFingerprints", "fingerprints")) {
      if (r.get(f) != null) {
        check(
            path + "." + f,
            r.get(f) instanceof Map<?, ?> m
                && m.values().stream().allMatch(String.class::isInstance),
            "must map names to strings");
      }
    }
    if (r.get("occurrenceCount") != null) {
      integer(path + ".occurrenceCount", r.get("occurrenceCount"), 1);
    }
    propertyBag(path + ".properties", r.get("properties"));
  }

  private void location(String path, Object v) {
    Map<String, Object> l = obj(path, v, "location");
    if (l == null) {
      return;
    }
    if (l.get("id") != null) {
      integer(path + ".id", l.get("id"), -1);
    }
    if (l.get("physicalLocation") != null) {
      Map<String, Object> p =
          obj(path + ".physicalLocation", l.get("physicalLocation"), "physicalLocation");
      if (p != null) {
        check(
            path + ".physicalLocation",
            p.containsKey("address") || p.containsKey("artifactLocation"),
            "needs address or artifactLocation");
        Map<String, Object> a =
            obj(
                path + ".physicalLocation.artifactLocation",
                p.get("artifactLocation"),
                "artifactLocation");
        if (a != null) {
          string(path + ".artifactLocation.uri", a.get("uri"), false);
          string(path + ".artifactLocation.uriBaseId", a.get("uriBaseId"), false);
        }
        if (p.get("region") != null) {
          Map<String, Object> reg =
              obj(path + ".physicalLocation.region", p.get("region"), "region");
          for (String k : List.of("startLine", "startColumn", "endLine", "endColumn")) {
            if (reg != null && reg.get(k) != null) {
              integer(path + ".region." + k, reg.get(k), 1);
            }
          }
        }
      }
    }
    for (Object ll : array(path + ".logicalLocations", l.get("logicalLocations"), 0, true)) {
      Map<String, Object> lo = obj(path + ".logicalLocations[]", ll, "logicalLocation");
      if (lo != null) {
        for (String k : List.of("name", "fullyQualifiedName", "kind")) {
          string(path + ".logicalLocations[]." + k, lo.get(k), false);
        }
      }
    }
    if (l.get("message") != null) {
      message(path + ".message", l.get("message"));
    }
  }

  private void message(String path, Object v) {
    Map<String, Object> m = obj(path, v, "message");
    if (m != null) {
      check(path, m.containsKey("text") || m.containsKey("id"), "needs text or id");
      string(path + ".text", m.get("text"), false);
    }
  }

  private void mfms(String path, Object v) {
    if (v != null) {
      Map<String, Object> m = obj(path, v, "multiformatMessageString", "text");
      if (m != null) {
        string(path + ".text", m.get("text"), true);
      }
    }
  }

  private void level(String path, Object v) {
    check(path, v == null || LEVELS.contains(v), "must be one of " + LEVELS + ", not " + v);
  }

  private void propertyBag(String path, Object v) {
    check(path, v == null || v instanceof Map, "must be an object");
  }

  private Map<String, Object> obj(String path, Object v, String def, String... required) {
    if (!(v instanceof Map)) {
      problems.add(path + ": must be a " + def + " object, not " + v);
      return null;
    }
    Map<String, Object> m = JsonTree.object(v);
    for (String k : m.keySet()) {
      check(path + "." + k, KEYS.get(def).contains(k), "is not a property of " + def);
    }
    for (String k : required) {
      check(path + "." + k, m.containsKey(k), "is required in " + def);
    }
    return m;
  }

  private List<Object> array(String path, Object v, int minItems, boolean unique) {
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof List)) {
      problems.add(path + ": must be an array");
      return List.of();
    }
    List<Object> l = JsonTree.array(v);
    check(path, l.size() >= minItems, "needs at least " + minItems + " items");
    check(path, !unique || new HashSet<>(l).size() == l.size(), "items must be unique");
    return l;
  }

  private void string(String path, Object v, boolean required) {
    check(path, v instanceof String || (!required && v == null), "must be a string");
  }

  private long integer(String path, Object v, long minimum) {
    boolean ok = v instanceof Long n && n >= minimum;
    check(path, ok, "must be an integer >= " + minimum + ", not " + v);
    return ok ? (Long) v : Long.MIN_VALUE;
  }

  private void check(String path, boolean ok, String what) {
    if (!ok) {
      problems.add(path + ": " + what);
    }
  }
}
