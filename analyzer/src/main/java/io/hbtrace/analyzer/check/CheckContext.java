package io.hbtrace.analyzer.check;

import io.hbtrace.analyzer.Symbols;
import io.hbtrace.analyzer.report.Findings;
import io.hbtrace.analyzer.state.Clocks;
import io.hbtrace.analyzer.state.DomainState;
import io.hbtrace.analyzer.state.DurableState;
import io.hbtrace.analyzer.state.Geometry;
import io.hbtrace.analyzer.state.LockHoldings;
import io.hbtrace.analyzer.state.ObjectRoles;
import io.hbtrace.analyzer.state.TracedObjects;
import java.util.ArrayList;
import java.util.List;

/** What every check can see: names, the shared state, and where findings and warnings go. */
public final class CheckContext {
  public final Symbols symbols;
  public final Geometry geometry;

  /** One record per live object: its role, clocks and holders (read through the views below). */
  public final TracedObjects objects;

  public final ObjectRoles roles;

  /** Holders of the locks whose holder a check asks about ({@link ObjectRoles#holderMatters}). */
  public final LockHoldings holdings;

  public final Clocks clocks;
  public final DomainState domain;
  public final DurableState durable;
  public final Findings findings;
  private final List<String> warnings = new ArrayList<>();

  public CheckContext(Symbols symbols, Geometry geometry) {
    this.symbols = symbols;
    this.geometry = geometry;
    this.objects = new TracedObjects();
    this.roles = new ObjectRoles(symbols, objects);
    this.holdings = new LockHoldings(objects);
    this.clocks = new Clocks(objects);
    this.domain = new DomainState(clocks, geometry);
    this.durable = new DurableState(clocks);
    this.findings = new Findings();
  }

  /** Records a warning about the analysis itself (shown once per distinct text). */
  public void warn(String text) {
    if (!warnings.contains(text)) {
      warnings.add(text);
    }
  }

  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  /** {@code Class.method:line} of a site id. */
  public String where(int site) {
    return symbols.site(site).shortForm();
  }
}
