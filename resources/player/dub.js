/*
 * Dubs of the web player (docs/localisation-player.md, "Subtitles and
 * dubs"). A scene's `dubs: [{locale, audio}]` name files of the drama's
 * `audio: [{id, path, ...}]`; a dub's time is clip time (audio 0 s = clip
 * 0 s; a storyboard card: its elapsed time on the engine's clock).
 *
 * When the words' locale (locale.js) has a dub for the current scene (its
 * exact tag, or a tag that catalogue serves: no fallback, the clip's own
 * sound is the source's), the clip plays muted (the element carries
 * data-dub; deck.js keeps it muted at every play()) and the <audio id="dub">
 * plays the file in step with it: sought to the scene's start on
 * scene_started, scene_looped and went_back (Player.showScene calls `show`),
 * paused and resumed with the clip (also when the host pauses: the clip
 * stops), sought again when it drifts more than DRIFT_S from the clip, and
 * silent from the moment another scene starts (no overlap across a switch).
 * The viewer's mute (the deck's, the unmute button) applies to it. Without a
 * dub the clip's own sound plays, as before. A dub that fails to load gives
 * the clip its sound back.
 */
(function (root) {
  "use strict";

  const doc = root.document;
  const $ = (id) => doc.getElementById(id);
  const DRIFT_S = 0.15; // more apart than this: the dub is sought to the clip's time
  const SEEK_S = 0.03; // a paused dub further than this from where it must start is sought

  function ignore() {}

  class Dub {
    /** @param {object} player the Player (player.js): engine, deck, drama, scenes, mediaSrc(), onCard() */
    constructor(player) {
      this.player = player;
      this.audio = $("dub");
      this.failed = new Set(); // srcs that could not be played
      this.seeks = 0; // drift corrections (tests)
      this.audio.preload = "auto";
      this.audio.addEventListener("error", () => {
        const src = this.audio.getAttribute("src");
        if (src) this.failed.add(src);
        this.update();
      });
      const now = () => this.update();
      for (const el of player.deck.slots) {
        for (const type of ["play", "pause", "seeking", "waiting", "volumechange", "ratechange"]) {
          el.addEventListener(type, now);
        }
      }
      const frame = () => {
        root.requestAnimationFrame(frame);
        this.update();
      };
      root.requestAnimationFrame(frame);
    }

    /** The dub's file (a "../media/..." src) of `scene` in the words' locale, or null. */
    srcFor(scene) {
      const p = this.player;
      if (!scene || !p.drama) return null;
      const dub = root.DramaSubtitles.pick(scene.dubs, root.DramaSubtitles.wordsLocale(), null);
      const asset = dub ? (p.drama.audio || []).find((a) => a.id === dub.audio) : null;
      const path = asset ? root.DramaUI.safeRelPath(asset.path) : null;
      const src = path ? "../" + path : null;
      return src && !this.failed.has(src) ? src : null;
    }

    /** A scene starts (or loops, or Back reached it) at clip time `ms`: the dub waits there. */
    show(scene, ms) {
      if (!this.audio.paused) this.audio.pause();
      const src = this.srcFor(scene);
      if (!scene.placeholder) this.mark(this.player.mediaSrc(scene.media), src !== null);
      if (src) this.load(src, ms / 1000);
      this.update();
    }

    /** The clip elements showing `clip` are muted (dubbed) or not. */
    mark(clip, dubbed) {
      for (const el of this.player.deck.slots) {
        if (clip && el.getAttribute("src") === clip) this.silence(el, dubbed);
      }
    }

    silence(el, dubbed) {
      if (dubbed) el.dataset.dub = "1";
      else delete el.dataset.dub;
      const muted = this.player.deck.muted || dubbed;
      if (el.muted !== muted) el.muted = muted;
    }

    load(src, seconds) {
      const audio = this.audio;
      if (audio.getAttribute("src") !== src) {
        audio.setAttribute("src", src);
        audio.load();
      }
      if (Math.abs(audio.currentTime - seconds) > SEEK_S) audio.currentTime = seconds;
    }

    stop() {
      const audio = this.audio;
      if (!audio.paused) audio.pause();
    }

    /** The scene the standby clip will play next (known early), its clip muted ahead when dubbed. */
    markNext() {
      const p = this.player;
      const id = p.knownNext();
      const next = id === null ? null : p.scenes.get(id);
      if (!next || next.placeholder) return;
      const standby = p.deck.standby;
      if (standby.getAttribute("src") === p.mediaSrc(next.media)) this.silence(standby, this.srcFor(next) !== null);
    }

    /**
     * The clock the dub follows now: {t (s), playing, rate}, or null (a switch, a seek: it waits).
     * A clip scene: the driving <video>; a storyboard card: the engine.
     */
    master(scene) {
      const p = this.player;
      const engine = p.engine;
      if (scene.placeholder) {
        const playing = engine.playing && !p.hostPaused && !p.broken;
        return { t: engine.t / 1000, playing, rate: 1 };
      }
      const deck = p.deck;
      if (!deck.ready) return null;
      const el = deck.driver;
      const playing = !el.paused && !el.ended && !deck.endReached && el.readyState >= 3;
      return { t: el.currentTime, playing, rate: el.playbackRate > 0 ? el.playbackRate : 1 };
    }

    /** Every frame and on the clips' events: the dub follows the scene, the locale and the clip. */
    update() {
      const p = this.player;
      const engine = p.engine;
      const audio = this.audio;
      if (!engine || !engine.started || engine.ended || p.broken) {
        this.stop();
        return;
      }
      const scene = p.scenes.get(engine.sceneId);
      const src = this.srcFor(scene);
      if (!scene.placeholder && !p.deck.switching) this.silence(p.deck.driver, src !== null);
      if (!p.deck.switching) this.markNext();
      if (audio.muted !== p.deck.muted) audio.muted = p.deck.muted;
      if (!src) {
        this.stop();
        return;
      }
      const clock = this.master(scene);
      if (audio.getAttribute("src") !== src) {
        this.stop();
        this.load(src, clock ? clock.t : engine.t / 1000);
      }
      if (!clock || !clock.playing) {
        this.stop();
        if (clock && !audio.seeking && Math.abs(audio.currentTime - clock.t) > SEEK_S) audio.currentTime = clock.t;
        return;
      }
      if (audio.playbackRate !== clock.rate) audio.playbackRate = clock.rate;
      if (!audio.seeking && Math.abs(audio.currentTime - clock.t) > DRIFT_S) {
        this.seeks += 1;
        audio.currentTime = clock.t;
      }
      if (audio.paused && clock.t < audio.duration - 0.05) this.play();
      else if (audio.paused && !(audio.duration > 0)) this.play(); // duration not known yet
    }

    play() {
      const audio = this.audio;
      const attempt = audio.play();
      if (!attempt || typeof attempt.then !== "function") return;
      attempt.catch((err) => {
        const deck = this.player.deck;
        if (err && err.name === "NotAllowedError" && !deck.muted) {
          // No sound without a gesture: like the clips, on muted (the unmute button shows).
          deck.setMuted(true);
          audio.muted = true;
          if (deck.hooks.onMutedFallback) deck.hooks.onMutedFallback();
          audio.play().catch(ignore);
        }
        // AbortError: a pause() or a new src interrupted play().
      });
    }
  }

  root.DramaDub = { Dub, DRIFT_S };
})(typeof globalThis !== "undefined" ? globalThis : this);
