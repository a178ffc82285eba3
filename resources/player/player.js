/*
 * Drama Studio web player: loads ../manifest.json, builds the story engine
 * from manifest.drama and plays it on the two-video deck.
 *
 * The engine is driven by the video: while the story plays, its clock and
 * clip time follow the driving <video>'s currentTime; while the engine has
 * paused playback (a prompt, a waiting choice), the clock advances by
 * requestAnimationFrame deltas. Every engine event is published to the host
 * (bridge.js). Viewer inputs are recorded with their clock so that a reload
 * can resume by replaying them deterministically.
 */
(function (root) {
  "use strict";

  const doc = root.document;
  const $ = (id) => doc.getElementById(id);
  const { Engine, InputError, normalize } = root.DramaEngine;
  const Bridge = root.DramaBridge;
  const { formatMoney } = root.DramaMoney;
  const { safeRelPath } = root.DramaUI;

  const READER_VERSION = 1;
  const MAX_FRAME_DT_MS = 250;
  const SAVE_EVERY_MS = 1000;
  const ASPECTS = { "9:16": 9 / 16, "16:9": 16 / 9, "1:1": 1, "4:5": 4 / 5, "3:4": 3 / 4 };

  function checkManifest(m) {
    if (!m || typeof m !== "object" || m.format !== "drama-studio-bundle") {
      throw new Error("manifest.json is not a Drama Studio bundle manifest");
    }
    if (!Number.isInteger(m.min_reader_version) || m.min_reader_version > READER_VERSION) {
      throw new Error("this bundle needs a newer player (min_reader_version " + m.min_reader_version + ")");
    }
    if (m.event_contract_version !== 1) {
      throw new Error("unsupported event contract version " + m.event_contract_version);
    }
    const d = m.drama;
    if (!d || !Array.isArray(d.scenes) || d.scenes.length === 0) throw new Error("the drama has no scenes");
    for (const asset of d.media || []) {
      if (!safeRelPath(asset.path)) throw new Error("media '" + asset.id + "': unsafe path");
    }
  }

  class Player {
    constructor() {
      this.engine = null;
      this.drama = null;
      this.inputs = [];
      this.replaying = false;
      this.lastChoice = null;
      this.lastEnding = null;
      this.takenTarget = null; // play_to_end: the option taken in this scene visit leads here
      this.carry = 0;
      this.lastNow = null;
      this.lastSave = 0;
      this.timers = Bridge.loadTimers();
      this.activeTimers = this.timers;
      this.deck = new root.DramaDeck.Deck($("video-a"), $("video-b"), {
        onMutedFallback: () => {
          $("unmute").hidden = false;
        },
        onError: () => this.status("A video clip could not be played."),
        onEnd: () => this.onClipEnd(),
      });
      this.view = new root.DramaUI.View({
        choose: (id) => this.act("choose", { option: id }, (e) => e.choose(id)),
        acceptPrompt: () => this.act("accept_prompt", {}, (e) => e.acceptPrompt()),
        declinePrompt: () => this.act("decline_prompt", {}, (e) => e.declinePrompt()),
        clickProduct: (id) => this.act("click_product", { tag: id }, (e) => e.clickProduct(id)),
        back: () => this.act("back", {}, (e) => e.back()),
        replay: () => this.restart(),
      });
      this.bindChrome();
    }

    status(text) {
      $("status").textContent = text;
    }

    /* ---- loading ---- */

    async boot() {
      let manifest;
      let text;
      try {
        const response = await fetch("../manifest.json", { cache: "no-cache", credentials: "same-origin" });
        if (!response.ok) throw new Error("../manifest.json: HTTP " + response.status);
        text = await response.text();
        manifest = JSON.parse(text);
        checkManifest(manifest);
      } catch (err) {
        this.status("Cannot play this drama: " + (err && err.message ? err.message : String(err)));
        return;
      }
      this.setup(manifest);
      root.requestAnimationFrame((now) => this.tick(now));
    }

    setup(manifest) {
      const d = normalize(manifest.drama); // fills omitted fields with the model's defaults
      this.manifest = manifest;
      this.drama = d;
      this.scenes = new Map(d.scenes.map((s) => [s.id, s]));
      this.media = new Map((d.media || []).map((m) => [m.id, m]));
      this.goals = (d.goals || []).slice();
      this.goalMap = new Map(this.goals.map((g) => [g.id, g]));
      this.products = new Map((d.products || []).map((p) => [p.id, p]));
      this.currency = d.currency || "CNY";
      doc.title = d.title;
      $("title").textContent = d.title;
      if (d.locale) doc.documentElement.lang = d.locale;
      $("stage").style.setProperty("--aspect", String(ASPECTS[d.aspect] || 9 / 16));
      const startScene = this.scenes.get(d.start) || d.scenes[0];
      const poster = manifest.posters && safeRelPath(manifest.posters[startScene.id]);
      if (poster) $("video-a").poster = "../" + poster;
      this.session = new Bridge.SessionStore(d.title, JSON.stringify(d));
      const saved = this.session.load();
      if (saved && (saved.inputs.length > 0 || saved.clock > 0)) {
        $("resume").hidden = false;
        $("resume-yes").focus({ preventScroll: true });
        $("resume-yes").onclick = () => this.start(saved);
        $("resume-no").onclick = () => this.restart();
      } else {
        this.start(null);
      }
    }

    /** Show a scene's clip from `ms` (its trim end watched frame by frame). */
    showScene(sceneId, ms) {
      const scene = this.scenes.get(sceneId);
      const asset = this.media.get(scene.media);
      const out = scene.out_ms !== null ? scene.out_ms : asset ? asset.duration_ms : null;
      this.deck.show(this.mediaSrc(scene.media), ms, out, asset ? asset.fps : 24);
    }

    mediaSrc(assetId) {
      const asset = this.media.get(assetId);
      const path = asset && safeRelPath(asset.path);
      return path ? "../" + path : "";
    }

    /* ---- playthrough lifecycle ---- */

    restart() {
      this.session.clear();
      this.start(null);
    }

    start(resume) {
      this.broken = false;
      this.status("");
      $("resume").hidden = true;
      $("settings-restart-note").hidden = true;
      $("settings-restart").hidden = true;
      this.deck.reset();
      this.view.reset();
      this.lastChoice = null;
      this.lastEnding = null;
      this.takenTarget = null;
      this.carry = 0;
      this.inputs = [];
      this.activeTimers = resume ? resume.timers : this.timers;
      this.engine = new Engine(this.drama, this.activeTimers);
      if (resume) {
        if (this.replay(resume)) return;
        // The saved inputs no longer fit this drama: start over, cleanly.
        this.session.clear();
        this.view.reset();
        this.lastChoice = null;
        this.lastEnding = null;
        this.activeTimers = this.timers;
        this.engine = new Engine(this.drama, this.activeTimers);
        this.inputs = [];
      }
      try {
        this.handle(this.engine.start(null, {}));
      } catch (err) {
        this.fail(err);
      }
    }

    /** Rebuild the saved state by replaying inputs (no host events). */
    replay(saved) {
      const engine = this.engine;
      this.replaying = true;
      try {
        this.handle(engine.start(null, {}));
        for (const input of saved.inputs) {
          this.handle(engine.advance(Math.max(0, input.at - engine.clock)));
          this.handle(this.apply(engine, input));
          this.inputs.push(input);
        }
        this.handle(engine.advance(Math.max(0, saved.clock - engine.clock)));
      } catch (err) {
        this.replaying = false;
        return false;
      }
      this.replaying = false;
      this.showScene(engine.sceneId, engine.t);
      if (this.lastEnding && engine.ended) this.showEnding(this.lastEnding, false);
      this.render();
      this.planNext();
      this.deck.setPlaying(engine.playing);
      return true;
    }

    apply(engine, input) {
      switch (input.action) {
        case "choose":
          return engine.choose(input.option);
        case "accept_prompt":
          return engine.acceptPrompt();
        case "decline_prompt":
          return engine.declinePrompt();
        case "click_product":
          return engine.clickProduct(input.tag);
        default:
          return engine.back();
      }
    }

    /** Apply a viewer input now; stale UI (no longer possible) is ignored. */
    act(action, fields, fn) {
      const engine = this.engine;
      if (!engine || this.replaying || !engine.started) return;
      let events;
      try {
        events = fn(engine);
      } catch (err) {
        if (err instanceof InputError) {
          this.render();
          return;
        }
        this.fail(err);
        return;
      }
      this.inputs.push(Object.assign({ at: engine.clock, action }, fields));
      this.handle(events);
      this.persist(true);
    }

    /* ---- events ---- */

    handle(events) {
      for (const event of events) {
        if (!this.replaying) Bridge.publish(event);
        this.onEvent(event);
      }
      if (this.replaying) return;
      this.render();
      this.planNext();
      this.deck.setPlaying(this.engine.playing);
    }

    optionLabel(sceneId, optionId) {
      const scene = this.scenes.get(sceneId);
      const option = scene && scene.choice && scene.choice.options.find((o) => o.id === optionId);
      return option ? option.label : optionId;
    }

    onEvent(e) {
      const live = !this.replaying;
      switch (e.type) {
        case "scene_started":
          this.lastChoice = null;
          this.lastEnding = null;
          this.takenTarget = null;
          this.view.hideEnding();
          if (live) {
            this.showScene(e.scene, e.in_ms);
            this.preloadNext();
          }
          break;
        case "choice_shown":
          this.lastChoice = e;
          if (live) {
            const labels = e.options.map((o, i) => (i < 9 ? i + 1 + ": " : "") + o.label).join(", ");
            this.view.announce("Choose: " + labels + ".");
            this.preloadNext();
          }
          break;
        case "choice_made":
          if (this.scenes.get(e.scene).choice.mode === "play_to_end") this.takenTarget = e.target;
          if (live) {
            this.view.announce("Chosen: " + this.optionLabel(e.scene, e.option) + ".");
            this.preloadScene(e.target);
          }
          break;
        case "prompt_shown":
          if (live) {
            const goal = this.goalMap.get(e.goal);
            this.view.announce(
              "Savings prompt: " + e.text + " " + formatMoney(e.amount, this.currency) + (goal ? " into " + goal.name : "") + "."
            );
          }
          break;
        case "deposit_requested":
          if (live) {
            const goal = this.goalMap.get(e.goal);
            this.view.announce(
              "Saved " + formatMoney(e.amount, e.currency) + (goal ? " toward " + goal.name : "") + ". Total " + formatMoney(e.total, e.currency) + "."
            );
          }
          break;
        case "product_clicked":
          if (live) {
            const scene = this.scenes.get(e.scene);
            const tag = scene && scene.tags.find((x) => x.id === e.tag);
            this.view.openProduct(e, this.products.get(e.product), tag);
            this.view.announce("Product: " + e.name + ".");
          }
          break;
        case "scene_looped":
          this.takenTarget = null;
          if (live) this.showScene(e.scene, this.scenes.get(e.scene).in_ms);
          break;
        case "went_back":
          this.lastChoice = null;
          this.lastEnding = null;
          this.takenTarget = null;
          this.view.hideEnding();
          if (live) {
            this.view.closeProduct();
            this.showScene(e.to_scene, e.to_t);
            this.view.announce("Back to the last choice.");
          }
          break;
        case "ending_reached":
          this.lastEnding = e;
          if (live) {
            this.session.clear();
            this.showEnding(e, true);
          }
          break;
        default:
          break;
      }
    }

    showEnding(e, announce) {
      const title = this.view.showEnding(e, this.goals, this.currency, this.engine.canGoBack);
      if (announce) {
        const totals = this.goals.map((g) => g.name + ": " + formatMoney(e.saved[g.id] || 0, this.currency)).join(", ");
        this.view.announce(title + "." + (totals ? " Saved " + totals + "." : ""));
      }
    }

    /* ---- pre-roll ---- */

    preloadScene(sceneId) {
      const current = this.scenes.get(this.engine.sceneId);
      const next = this.scenes.get(sceneId);
      if (!next || next.media === current.media) return;
      const asset = this.media.get(next.media);
      this.deck.preload(this.mediaSrc(next.media), next.in_ms || 0, asset ? asset.fps : 24);
    }

    /**
     * The scene that follows the current one at its trim end when the engine
     * already knows it while playing: the option taken in a play_to_end
     * choice, or the default of an open play_to_end choice that times out
     * into it (timers "normal"; the viewer may still pick another option, then
     * the deck drops the early start). Null otherwise (nothing to start early).
     */
    knownNext() {
      const engine = this.engine;
      if (!engine || !engine.started || engine.ended || !engine.playing) return null;
      const choice = this.scenes.get(engine.sceneId).choice;
      if (!choice || choice.mode !== "play_to_end") return null;
      if (this.takenTarget !== null) {
        const candidates = engine.nextSceneCandidates();
        return candidates.length === 1 && candidates[0] === this.takenTarget ? this.takenTarget : null;
      }
      const open = engine.openChoice;
      if (!open || open.timeout !== "default" || engine.timers !== "normal") return null;
      const dflt = open.options.find((o) => o.default);
      return dflt ? dflt.target : null;
    }

    /** Tell the deck which clip to start early (the video follows the engine, never leads it). */
    planNext() {
      const target = this.knownNext();
      const current = this.scenes.get(this.engine.sceneId);
      const next = target === null ? null : this.scenes.get(target);
      if (!next || !current || next.media === current.media) {
        this.deck.setNext(null);
        return;
      }
      const asset = this.media.get(next.media);
      this.deck.setNext(this.mediaSrc(next.media), next.in_ms || 0, asset ? asset.fps : 24);
    }

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
    }

    /* ---- drawing ---- */

    render() {
      const engine = this.engine;
      if (!engine || !engine.started) return;
      const scene = this.scenes.get(engine.sceneId);
      const choice = engine.openChoice;
      if (choice && !engine.ended) {
        const ids = choice.options.map((o) => o.id);
        const options = scene.choice.options.filter((o) => ids.includes(o.id));
        const waiting =
          choice.paused === "pause" ||
          choice.paused === "timers_off" ||
          (engine.waiting && !engine.pausingPromptOpen);
        this.view.renderChoice(options, this.lastChoice, waiting);
      } else {
        this.view.renderChoice(null, null, false);
      }
      const shown = engine.shownTags;
      this.view.renderTags(
        scene.tags.filter((t) => shown.includes(t.id)),
        this.products
      );
      const promptId = engine.openPrompts[0];
      const prompt = promptId ? scene.prompts.find((p) => p.id === promptId) : null;
      this.view.renderPrompt(prompt, prompt ? this.goalMap.get(prompt.goal) : null, this.currency);
      $("back").disabled = !engine.canGoBack;
    }

    updateCountdown() {
      const c = this.lastChoice;
      const choice = this.engine && this.engine.openChoice;
      if (!c || !choice || !c.countdown || choice.timeoutMs === null) return;
      this.view.setCountdown(1 - (this.engine.clock - choice.shownClock) / choice.timeoutMs);
    }

    /* ---- the clock ---- */

    tick(now) {
      root.requestAnimationFrame((n) => this.tick(n));
      if (this.lastNow === null) this.lastNow = now;
      const dt = Math.max(0, Math.min(MAX_FRAME_DT_MS, now - this.lastNow));
      this.lastNow = now;
      const engine = this.engine;
      if (!engine || !engine.started || this.replaying || this.broken) return;
      try {
        if (engine.playing) {
          this.followVideo();
        } else {
          // Paused by the story (or ended): the clock keeps running on frame time.
          this.carry += dt;
          const whole = Math.floor(this.carry);
          this.carry -= whole;
          if (whole > 0) this.handle(engine.advance(whole));
        }
      } catch (err) {
        this.fail(err);
        return;
      }
      if (engine.ended) return;
      this.deck.setPlaying(engine.playing);
      this.updateCountdown();
      if (now - this.lastSave > SAVE_EVERY_MS) {
        this.lastSave = now;
        this.persist(false);
      }
    }

    /** The story cannot go on (e.g. a zero-time loop in the drama): stop and say why. */
    fail(err) {
      if (!(err instanceof root.DramaEngine.EngineError)) throw err;
      this.broken = true;
      this.deck.setPlaying(false);
      this.status("The story cannot continue: " + err.message);
    }

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
    }

    /** The deck held the last frame before the trim end: the story reaches `out` now. */
    onClipEnd() {
      const engine = this.engine;
      if (!engine || !engine.started || engine.ended || this.replaying || this.broken || !engine.playing) return;
      try {
        this.followVideo();
      } catch (err) {
        this.fail(err);
      }
    }

    persist(force) {
      const engine = this.engine;
      if (!engine || this.replaying || !this.session || engine.ended) return;
      if (!force && this.inputs.length === 0 && engine.clock < 2000) return;
      this.session.save(this.activeTimers, this.inputs, engine.clock);
    }

    /* ---- chrome: settings, unmute, keyboard ---- */

    bindChrome() {
      const menu = $("settings");
      const button = $("settings-button");
      const openMenu = (open) => {
        menu.hidden = !open;
        button.setAttribute("aria-expanded", open ? "true" : "false");
        if (open) {
          const radio = menu.querySelector('input[value="' + this.timers + '"]');
          if (radio) {
            radio.checked = true;
            radio.focus({ preventScroll: true });
          }
        } else {
          button.focus({ preventScroll: true });
        }
      };
      this.closeMenu = () => {
        if (menu.hidden) return false;
        openMenu(false);
        return true;
      };
      button.addEventListener("click", () => openMenu(menu.hidden));
      $("settings-close").addEventListener("click", () => openMenu(false));
      for (const radio of menu.querySelectorAll('input[name="timers"]')) {
        radio.checked = radio.value === this.timers;
        radio.addEventListener("change", () => {
          if (!radio.checked) return;
          this.timers = radio.value;
          Bridge.saveTimers(radio.value);
          const differs = this.engine && this.engine.started && radio.value !== this.activeTimers;
          $("settings-restart-note").hidden = !differs;
          $("settings-restart").hidden = !differs;
        });
      }
      $("settings-restart").addEventListener("click", () => {
        openMenu(false);
        this.restart();
      });
      $("unmute").addEventListener("click", () => {
        this.deck.setMuted(false);
        $("unmute").hidden = true;
        this.deck.sync();
      });
      doc.addEventListener("keydown", (e) => this.onKey(e));
      root.addEventListener("pagehide", () => this.persist(true));
    }

    onKey(e) {
      if (e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return;
      if (e.key === "Escape") {
        if (this.closeMenu() || this.view.closeProduct()) e.preventDefault();
        return;
      }
      if (!/^[1-9]$/.test(e.key) || !this.engine || !this.engine.started) return;
      const target = e.target;
      if (target && target.tagName === "INPUT") return;
      const choice = this.engine.openChoice;
      if (!choice || this.engine.ended) return;
      const option = choice.options[Number(e.key) - 1];
      if (option) {
        e.preventDefault();
        this.act("choose", { option: option.id }, (eng) => eng.choose(option.id));
      }
    }
  }

  function main() {
    const player = new Player();
    root.dramaPlayer = player;
    player.boot();
  }

  if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", main);
  else main();
})(typeof globalThis !== "undefined" ? globalThis : this);
