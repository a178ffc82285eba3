/*
 * Storyboard cards: a placeholder scene (no footage yet: `scene.placeholder =
 * {colour, duration_ms}`, `scene.media` null) plays as a full-frame card in
 * its colour with the scene's title and the vocabulary's placeholder.note,
 * for its duration on the engine's clock (player.js/clock.js advance the
 * engine by frame time while a card is up; no <video> plays). Prompts, tags
 * and choices are drawn over it as over a clip.
 *
 * Switching: a card goes up at once when its scene starts (the paused clip
 * stays below it); when a scene with a clip follows, the card stays until the
 * deck shows that clip's first frame (Player.tick calls `settle`), so there
 * is never a frame of the wrong clip or of black between them.
 */
(function (root) {
  "use strict";

  const doc = root.document;
  const $ = (id) => doc.getElementById(id);
  const COLOUR = /^#[0-9a-fA-F]{6}$/;
  const FALLBACK = "#3d5a80";

  /** Dark or light text on `hex` (WCAG relative luminance). */
  function inkFor(hex) {
    const channel = (i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    };
    const lum = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
    return lum > 0.22 ? "#101014" : "#ffffff";
  }

  class Storyboard {
    constructor() {
      this.card = $("storyboard");
      this.title = $("storyboard-title");
      this.bar = $("storyboard-bar");
      this.sceneId = null; // the scene whose card is up (null: none)
      this.leaving = false; // a clip scene began: the card waits for its first frame
    }

    /** Put up the card of `scene` (a placeholder scene). */
    show(scene) {
      const colour = scene.placeholder && COLOUR.test(scene.placeholder.colour) ? scene.placeholder.colour : FALLBACK;
      this.sceneId = scene.id;
      this.leaving = false;
      this.card.style.backgroundColor = colour;
      this.card.style.color = inkFor(colour);
      this.card.dataset.scene = scene.id;
      this.title.textContent = scene.title;
      this.progress(0);
      this.card.hidden = false;
    }

    /** The texts changed language (dramatext.js): the card's title from `scenes` (id -> scene). */
    retitle(scenes) {
      const scene = this.sceneId === null ? null : scenes.get(this.sceneId);
      if (scene) this.title.textContent = scene.title;
    }

    /** A scene with a clip began: the card goes once the deck shows it (`settle`). */
    leave() {
      if (this.sceneId !== null) this.leaving = true;
    }

    /** Called every frame: `ready` is true once the deck shows the wanted clip frame. */
    settle(ready) {
      if (this.leaving && ready) this.hide();
    }

    /** How far the card's scene is (0..1 of its duration). */
    progress(fraction) {
      const f = Math.max(0, Math.min(1, fraction));
      this.bar.style.transform = "scaleX(" + f.toFixed(4) + ")";
    }

    hide() {
      this.sceneId = null;
      this.leaving = false;
      this.card.hidden = true;
      delete this.card.dataset.scene;
    }
  }

  root.DramaStoryboard = { Storyboard, inkFor };
})(typeof globalThis !== "undefined" ? globalThis : this);
