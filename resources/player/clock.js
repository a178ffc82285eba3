/*
 * The story clock of the web player, mixed into the Player (player.js);
 * `this` is the Player. While the story plays, the engine follows the
 * driving <video>'s currentTime (never past an item boundary at once); while
 * the engine has paused playback (a prompt, a waiting choice) or has ended,
 * its clock advances by requestAnimationFrame deltas. While the host holds
 * the story (command "pause") nothing reaches the engine.
 */
(function (root) {
  "use strict";

  const MAX_FRAME_DT_MS = 250;
  const SAVE_EVERY_MS = 1000;

  const Clock = {
    tick(now) {
      root.requestAnimationFrame((n) => this.tick(n));
      if (this.lastNow === null) this.lastNow = now;
      const dt = Math.max(0, Math.min(MAX_FRAME_DT_MS, now - this.lastNow));
      this.lastNow = now;
      const engine = this.engine;
      // Held by the host: not a millisecond reaches the engine (countdowns stop too).
      if (!engine || !engine.started || this.replaying || this.broken || this.hostPaused) return;
      try {
        if (engine.playing && !this.onCard()) {
          this.followVideo();
        } else {
          // Paused by the story (or ended), or a storyboard card (no clip to follow):
          // the clock runs on frame time.
          this.carry += dt;
          const whole = Math.floor(this.carry);
          this.carry -= whole;
          if (whole > 0) this.handle(engine.advance(whole));
        }
      } catch (err) {
        this.fail(err);
        return;
      }
      this.storyboard.settle(this.deck.ready);
      if (this.onCard()) this.storyboard.progress(engine.t / Math.max(1, engine.outMs));
      if (engine.ended) return;
      this.syncDeck();
      this.updateCountdown();
      if (now - this.lastSave > SAVE_EVERY_MS) {
        this.lastSave = now;
        this.persist(false);
      }
    },

    /** The story cannot go on (e.g. a zero-time loop in the drama): stop and say why. */
    fail(err) {
      if (!(err instanceof root.DramaEngine.EngineError)) throw err;
      this.broken = true;
      this.deck.setPlaying(false);
      this.status(root.DramaWords.word("status.cannot_continue", { reason: err.message }));
    },

    /** Move the engine to the driving video's position (never past an item boundary at once). */
    followVideo() {
      const engine = this.engine;
      this.carry = 0;
      if (!this.deck.ready) return;
      const el = this.deck.driver;
      const sceneId = engine.sceneId;
      const out = engine.outMs;
      let target = Math.floor(this.deck.timeMs());
      if (el.ended || this.deck.endReached) target = Math.max(target, out);
      target = Math.min(target, out);
      for (let guard = 0; guard < 64; guard++) {
        if (!engine.playing || engine.sceneId !== sceneId || engine.t >= target) break;
        const next = engine.nextItemTime();
        const stop = next === null ? target : Math.min(target, next);
        this.handle(engine.advance(stop - engine.t));
      }
    },

    /** The deck held the last frame before the trim end: the story reaches `out` now. */
    onClipEnd() {
      const engine = this.engine;
      if (!engine || !engine.started || engine.ended || this.replaying || this.broken || this.hostPaused) return;
      if (!engine.playing) return;
      try {
        this.followVideo();
      } catch (err) {
        this.fail(err);
      }
    },
  };

  root.DramaClock = Clock;
})(typeof globalThis !== "undefined" ? globalThis : this);
