package io.hbtrace.samplefs.variant;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Every variant by name, in a fixed order: the fixes first, then the seeded mistakes. */
public final class VariantRegistry {
  private static final Map<String, Supplier<Variant>> VARIANTS = new LinkedHashMap<>();

  static {
    register(PreFix::new);
    register(EndioAll::new);
    register(Upstream::new);
    register(XfsStyle::new);
    register(Rework2023::new);
    register(BugOrphanLeak::new);
    register(BugDelBeforeTruncate::new);
    register(BugAioEndioUnlocked::new);
    register(BugDelBeforeDisksize::new);
    register(BugAddAfterAlloc::new);
  }

  private VariantRegistry() {}

  private static void register(Supplier<Variant> factory) {
    VARIANTS.put(factory.get().name(), factory);
  }

  /** The variant called {@code name}, or null. */
  public static Variant byName(String name) {
    Supplier<Variant> f = VARIANTS.get(name);
    return f == null ? null : f.get();
  }

  /** All names, in registry order. */
  public static List<String> names() {
    return Collections.unmodifiableList(new ArrayList<>(VARIANTS.keySet()));
  }

  /** Whether the variant is one of the seeded mistakes ({@code bug-*}). */
  public static boolean isSeededBug(String name) {
    return name.startsWith("bug-");
  }
}
