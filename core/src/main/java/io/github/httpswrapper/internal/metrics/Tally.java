package io.github.httpswrapper.internal.metrics;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters keyed by a label value, lock-free on the hot path. The keys are bounded twice: callers pass only
 * values from fixed sets, and past {@link #MAX_KEYS} distinct keys everything new is counted under
 * {@link #OVERFLOW}, so a bug can never turn into unbounded memory or an unbounded number of time series.
 */
final class Tally<K extends Comparable<K>> {
  static final int MAX_KEYS = 1000;

  private final ConcurrentHashMap<K, LongAdder> counts = new ConcurrentHashMap<>();
  private final K overflow;

  /** @param known keys shown with 0 before anything is counted (so a dashboard can tell "none" from "unknown") */
  @SafeVarargs
  Tally(K overflow, K... known) {
    this.overflow = overflow;
    for (K key : known) {
      counts.put(key, new LongAdder());
    }
  }

  void increment(K key) {
    adder(key).increment();
  }

  private LongAdder adder(K key) {
    LongAdder adder = counts.get(key);
    if (adder != null) {
      return adder;
    }
    if (counts.size() >= MAX_KEYS) {
      key = overflow;
    }
    return counts.computeIfAbsent(key, k -> new LongAdder());
  }

  /** The counts now, sorted by key; not atomic across keys, as no scrape of live counters is. */
  Map<K, Long> snapshot() {
    Map<K, Long> out = new TreeMap<>();
    counts.forEach((key, adder) -> out.put(key, adder.sum()));
    return out;
  }
}
