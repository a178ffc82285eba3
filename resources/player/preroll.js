/*
 * Pre-roll: which clip the deck loads or starts early, from what the engine
 * knows about the next scene. Methods mixed into the Player (player.js);
 * `this` is the Player (engine, deck, scenes, media, takenTarget).
 */
(function (root) {
  "use strict";

  const Preroll = {
    preloadScene(sceneId) {
      const current = this.scenes.get(this.engine.sceneId);
      const next = this.scenes.get(sceneId);
      if (!next || !next.media || next.media === current.media) return; // a card needs no pre-roll
      const asset = this.media.get(next.media);
      this.deck.preload(this.mediaSrc(next.media), next.in_ms || 0, asset ? asset.fps : 24);
    },

    /**
     * The scene that follows the current one at its trim end when the engine
     * already knows it while playing: its `next` (continue automatically), the option taken in a play_to_end
     * choice, or the default of an open play_to_end choice that times out
     * into it (timers "normal"; the viewer may still pick another option, then
     * the deck drops the early start). Null otherwise (nothing to start early).
     */
    knownNext() {
      const engine = this.engine;
      if (!engine || !engine.started || engine.ended || !engine.playing) return null;
      const scene = this.scenes.get(engine.sceneId);
      if (scene.next !== null && scene.next !== undefined) return scene.next; // continues automatically
      const choice = scene.choice;
      if (!choice || choice.mode !== "play_to_end") return null;
      if (this.takenTarget !== null) {
        const candidates = engine.nextSceneCandidates();
        return candidates.length === 1 && candidates[0] === this.takenTarget ? this.takenTarget : null;
      }
      const open = engine.openChoice;
      if (!open || open.timeout !== "default" || engine.timers !== "normal") return null;
      const dflt = open.options.find((o) => o.default);
      return dflt ? dflt.target : null;
    },

    /** Tell the deck which clip to start early (the video follows the engine, never leads it). */
    planNext() {
      const target = this.knownNext();
      const current = this.scenes.get(this.engine.sceneId);
      const next = target === null ? null : this.scenes.get(target);
      if (!next || !current || !next.media || next.media === current.media) {
        this.deck.setNext(null);
        return;
      }
      const asset = this.media.get(next.media);
      this.deck.setNext(this.mediaSrc(next.media), next.in_ms || 0, asset ? asset.fps : 24);
    },

    preloadNext() {
      const engine = this.engine;
      if (engine.ended) return;
      const candidates = engine.nextSceneCandidates();
      if (candidates.length <= 1) {
        if (candidates.length) this.preloadScene(candidates[0]);
        return;
      }
      const scene = this.scenes.get(engine.sceneId);
      const choice = engine.openChoice;
      const options = choice ? choice.options : scene.choice.options;
      const pick = options.find((o) => o.default) || options[0];
      this.preloadScene(pick.target);
    },
  };

  root.DramaPreroll = Preroll;
})(typeof globalThis !== "undefined" ? globalThis : this);
