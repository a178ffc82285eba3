/*
 * Start latency of a scene switch: play() -> first new frame presented,
 * learnt on this page (deck.js starts the incoming clip that long before its
 * frame is due).  Kept apart for sound/muted and fresh/primed elements (a new
 * source starts slower); until a switch was measured, a safe default.
 */
(function (root) {
  "use strict";

  const DEFAULT_START_MS = 150; // play() -> first new frame, before a switch was measured
  const START_SAMPLES = 7;

  /**
   * Switch start latency (ms), learned on this page, kept apart for
   * muted/sound and fresh/primed elements (a new source starts slower).
   */
  class StartLatency {
    constructor() {
      this.samples = new Map();
    }

    static key(muted, fresh) {
      return (muted ? "m" : "s") + (fresh ? "f" : "p");
    }

    add(key, ms) {
      if (!(ms > 0 && ms < 2000)) return;
      const list = this.samples.get(key) || [];
      list.push(ms);
      if (list.length > START_SAMPLES) list.shift();
      this.samples.set(key, list);
    }

    /**
     * The lead for a start of this kind (else the closest kind measured, else
     * the default): the upper quartile of the recent samples, so that the
     * incoming second frame is rarely late (a freeze) and an early one only
     * shortens or hides the incoming first frame.
     */
    lead(key) {
      const other = (c, a, b) => (c === a ? b : a);
      const kinds = [key, key[0] + other(key[1], "f", "p"), other(key[0], "m", "s") + key[1]];
      for (const kind of kinds) {
        const list = this.samples.get(kind);
        if (list && list.length) {
          const sorted = list.slice().sort((x, y) => x - y);
          return sorted[Math.ceil(0.75 * (sorted.length - 1))];
        }
      }
      return DEFAULT_START_MS;
    }
  }

  root.DramaLead = { StartLatency, DEFAULT_START_MS };
})(typeof globalThis !== "undefined" ? globalThis : this);
