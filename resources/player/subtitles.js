/*
 * Subtitles of the web player (docs/localisation-player.md, "Subtitles and
 * dubs"). A scene holds `subtitles: [{locale, cues: [{start_ms, end_ms,
 * text}]}]`; cue times are clip time (ms from the start of the scene's media
 * file; a storyboard card's elapsed time), the clock of the engine's `t`, on
 * which prompts and tags are shown too: trims, seeks, loops and Back show the
 * right cue. No cue shows at or past the trim end, nor while the deck
 * switches clips.
 *
 * Track: the one of the words' locale (locale.js: host set_locale > browser
 * languages > the drama's locale; a track whose tag that catalogue serves,
 * e.g. en-GB for en), else the drama's source `locale`, else none. Chosen on
 * every frame, so a host's set_locale switches it at once.
 *
 * The box sits over the clip and under the tags and hotspots (they paint
 * over it), above the dock (prompt, product card, choice): its bottom follows
 * the dock's height (--dock-h on the stage). Options drawn on the frame
 * (hotspots) are kept clear too: the box goes to the lowest place above the
 * dock where it meets none of them (`place`). Text goes in with textContent
 * only (author text is untrusted), two lines at most, dir="auto".
 *
 * The viewer's toggle (#subtitles-button, aria-pressed) is remembered in
 * localStorage (session.js) and hidden when no scene has a track to show.
 */
(function (root) {
  "use strict";

  const doc = root.document;
  const $ = (id) => doc.getElementById(id);
  const MAX_OVERLAP = 8; // earlier cues looked at for ones still running (overlapping cues)

  const same = (a, b) => typeof a === "string" && typeof b === "string" && a.toLowerCase() === b.toLowerCase();

  /**
   * The item of `list` (objects with a `locale`) for the words' locale `words`: its exact tag,
   * else a tag that catalogue serves; else the one of `fallback` (null: none).
   */
  function pick(list, words, fallback) {
    if (!Array.isArray(list) || list.length === 0) return null;
    const exact = list.find((x) => same(x.locale, words));
    if (exact) return exact;
    const cats = root.DramaWords ? root.DramaWords.catalogues : {};
    const served = list.find((x) => root.DramaLocale.catalogueFor(x.locale, cats) === words);
    if (served) return served;
    return fallback ? list.find((x) => same(x.locale, fallback)) || null : null;
  }

  /** The words' locale now ("en" before anything is settled). */
  function wordsLocale() {
    const current = root.DramaLocale.current();
    return current ? current.words : "en";
  }

  /** The text of the cues of `cues` (ordered by start) running at `t` ms ("" when none). */
  function cueText(cues, t) {
    let lo = 0;
    let hi = cues.length; // first cue starting after t
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cues[mid].start_ms <= t) lo = mid + 1;
      else hi = mid;
    }
    const running = [];
    for (let i = lo - 1; i >= 0 && i >= lo - MAX_OVERLAP; i--) {
      if (cues[i].end_ms > t) running.unshift(String(cues[i].text));
    }
    return running.join("\n");
  }

  class Subtitles {
    /** @param {object} player the Player (player.js): engine, deck, drama, onCard(), view */
    constructor(player) {
      this.player = player;
      this.box = $("subtitles");
      this.hotspots = $("hotspots");
      this.lifted = null; // the box's bottom (px) when hotspot options moved it (null: the CSS rule)
      this.line = $("subtitle-text");
      this.button = $("subtitles-button");
      this.on = root.DramaSession.loadSubtitles();
      this.shown = null; // [locale, text] on screen (null: none)
      this.words = null; // the words' locale the toggle's visibility was worked out for
      this.drama = null;
      this.button.addEventListener("click", () => this.toggle());
      this.pressed();
      const dock = doc.querySelector(".dock");
      const stage = $("stage");
      this.dock = dock;
      if (typeof root.ResizeObserver === "function") {
        new root.ResizeObserver(() => stage.style.setProperty("--dock-h", dock.offsetHeight + "px")).observe(dock);
      }
      const frame = () => {
        root.requestAnimationFrame(frame);
        this.update();
      };
      root.requestAnimationFrame(frame);
    }

    toggle() {
      this.on = !this.on;
      root.DramaSession.saveSubtitles(this.on);
      this.pressed();
      this.update();
      this.player.view.announce(root.DramaWords.word(this.on ? "subtitles.on" : "subtitles.off"));
    }

    pressed() {
      this.button.setAttribute("aria-pressed", this.on ? "true" : "false");
    }

    /** The track shown for `scene` in the words' locale `words` (null: none). */
    track(scene, words) {
      const d = this.player.drama;
      const track = scene ? pick(scene.subtitles, words, d ? d.locale : null) : null;
      return track && Array.isArray(track.cues) && track.cues.length > 0 ? track : null;
    }

    /** The clip time whose cue shows now, or null (nothing playing, a switch, at or past the trim end). */
    clipTime() {
      const p = this.player;
      const engine = p.engine;
      if (!engine || !engine.started || engine.ended || p.broken) return null;
      if (!p.onCard() && p.deck.switching) return null;
      return engine.t < engine.outMs ? engine.t : null;
    }

    /** Every frame: the toggle's visibility (per drama and words' locale) and the cue. */
    update() {
      const p = this.player;
      const drama = p.drama;
      if (!drama) return;
      const words = wordsLocale();
      if (words !== this.words || drama !== this.drama) {
        this.words = words;
        this.drama = drama;
        this.button.hidden = !drama.scenes.some((s) => this.track(s, words) !== null);
      }
      const t = this.on ? this.clipTime() : null;
      const track = t === null ? null : this.track(p.scenes.get(p.engine.sceneId), words);
      const text = track ? cueText(track.cues, t) : "";
      this.draw(text ? [track.locale, text] : null);
      this.place();
    }

    /**
     * The CSS rule puts the box above the dock by half an em, at least 9% of the stage up. With
     * options on the frame (hotspots) across the line's width, where it meets none of them: the
     * rule's place, else right above the dock, else the lowest place above them (px from the
     * stage's bottom).
     */
    place() {
      const spots = this.box.hidden ? [] : Array.from(this.hotspots.children);
      let lifted = null;
      if (spots.length > 0) {
        const stage = $("stage").getBoundingClientRect();
        const line = this.line.getBoundingClientRect();
        const gap = parseFloat(root.getComputedStyle(this.box).fontSize) * 0.5;
        const floor = this.dock.offsetHeight + gap; // right above the dock
        const rule = Math.max(floor, 0.09 * stage.height);
        const blocks = spots
          .map((el) => el.getBoundingClientRect())
          .filter((r) => r.right > line.left && r.left < line.right)
          .map((r) => [stage.bottom - r.bottom - gap, stage.bottom - r.top + gap]);
        const h = line.height;
        const free = (b) => blocks.every(([lo, hi]) => b + h <= lo || b >= hi);
        const tops = blocks.map((x) => x[1]).filter((b) => b > rule).sort((x, y) => x - y);
        const found = [rule, floor].concat(tops).find(free); // below the options if it fits there
        if (found !== undefined && found !== rule) lifted = Math.round(found);
      }
      if (lifted === this.lifted) return;
      this.lifted = lifted;
      this.box.style.bottom = lifted === null ? "" : lifted + "px";
    }

    draw(cue) {
      const was = this.shown;
      if (cue === was || (cue && was && cue[0] === was[0] && cue[1] === was[1])) return;
      this.shown = cue;
      if (!cue) {
        this.box.hidden = true;
        this.line.textContent = "";
        return;
      }
      this.line.lang = cue[0];
      this.line.textContent = cue[1]; // never innerHTML: author text
      this.box.hidden = false;
    }
  }

  root.DramaSubtitles = { Subtitles, pick, cueText, wordsLocale };
})(typeof globalThis !== "undefined" ? globalThis : this);
