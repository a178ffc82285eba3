/*
 * What one <video> element's frame callbacks (requestVideoFrameCallback) tell
 * the deck: the last frame presented, how far ahead the trim end must be
 * watched, and when a frame of a new source is on the element's layer.
 *
 * On a busy page (a slow phone, a heavy host app) callbacks run late and each
 * one can find the clip several frames further on; the trim end is then
 * watched that much further ahead (losing a frame or two at the cut rather
 * than showing one the author cut). How late is a property of the page, so
 * the elements of a deck share what they saw. Loaded before deck.js.
 */
(function (root) {
  "use strict";

  const VSYNC_MS = 1000 / 60;
  // How far ahead (frames) the trim end may be watched when callbacks run late,
  // and how many recent callbacks (a few seconds of playing) say how late.
  const MAX_END_FRAMES = 6;
  const STEP_SAMPLES = 60;
  // A switch waits this long at most for the incoming clip's first frame to be presented.
  const SHOWN_WAIT_MS = 500;

  class FrameLog {
    /** `steps`: frames advanced between recent callbacks while playing on, shared by a page's elements. */
    constructor(steps) {
      this.shown = null; // {src, media}: the last frame presented
      this.steps = steps;
      this.prev = null; // media time (s) of the previous callback's frame while playing on
      this.waiters = []; // checks waiting for a frame (see whenShown)
    }

    /** A new source: nothing of it is shown (how late the page runs is still known). */
    reset() {
      this.shown = null;
      this.prev = null;
    }

    /** Play or seek: the next callback's advance says nothing of lateness. */
    restart() {
      this.prev = null;
    }

    /**
     * Record a presented frame of `el` (whose clip runs at `fps`); false while
     * the element is seeking (the frame is not where it is going).
     */
    record(el, meta, fps) {
      this.shown = { src: el.currentSrc, media: meta.mediaTime };
      if (el.seeking) {
        this.prev = null;
        return false;
      }
      if (this.prev !== null) {
        const frames = Math.round((meta.mediaTime - this.prev) * fps);
        if (frames >= 1) {
          this.steps.push(Math.min(frames, MAX_END_FRAMES));
          if (this.steps.length > STEP_SAMPLES) this.steps.shift();
        }
      }
      this.prev = el.paused ? null : meta.mediaTime;
      for (const check of this.waiters.slice()) check();
      return true;
    }

    /**
     * How many frames ahead the trim end is watched (a frame of `frameMs` at
     * playback `rate`). At an even cadence (a frame lasts a whole number of
     * vsyncs) every frame is shown and gets its callback: 1. Frames shorter
     * than two vsyncs at an uneven cadence (e.g. 24 fps at 2x) are sometimes
     * skipped by Chromium, so the last frame before the trim end could be
     * skipped for one past it: the clip is held that many frames earlier.
     * Callbacks seen lately that advanced further (the main thread is late)
     * raise it to the largest such advance.
     */
    endFrames(frameMs, rate) {
      const d = frameMs / rate;
      const cadence = d / VSYNC_MS;
      const even = cadence > 0.9 && Math.abs(cadence - Math.round(cadence)) * VSYNC_MS < 1;
      const byCadence = even ? 1 : Math.max(1, Math.ceil((2 * VSYNC_MS) / d - 1e-6));
      return Math.max(byCadence, ...this.steps);
    }

    /**
     * Resolves once `el` has presented a frame of its current source near `ms`
     * (clip time; `fps` its frame rate). readyState says a frame is decoded;
     * the frame callback says it is on the element's layer, so bringing the
     * element on top cannot show the frame of the clip it held before.
     * Without frame callbacks, or when no such frame comes within
     * SHOWN_WAIT_MS, it resolves at once / then. Resolves to false when it
     * gave up waiting.
     */
    whenShown(el, ms, fps, tolerance) {
      const near = () => {
        const s = this.shown;
        const slack = tolerance + 1000 / fps;
        return s !== null && s.src === el.currentSrc && Math.abs(s.media * 1000 - ms) <= slack;
      };
      if (typeof el.requestVideoFrameCallback !== "function" || near()) return Promise.resolve(true);
      return new Promise((resolve) => {
        const check = () => {
          if (near()) done(true);
        };
        const done = (shown) => {
          clearTimeout(timer);
          this.waiters = this.waiters.filter((w) => w !== check);
          resolve(shown);
        };
        const timer = setTimeout(() => done(false), SHOWN_WAIT_MS);
        this.waiters.push(check);
      });
    }
  }

  root.DramaFrames = { FrameLog, VSYNC_MS };
})(typeof globalThis !== "undefined" ? globalThis : this);
