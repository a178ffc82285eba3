/*
 * Drama Studio web player: loads ../manifest.json, builds the story engine
 * from manifest.drama and plays it on the two-video deck.
 *
 * The engine is driven by the video: while the story plays, its clock and
 * clip time follow the driving <video>'s currentTime; while the engine has
 * paused playback (a prompt, a waiting choice), the clock advances by
 * requestAnimationFrame deltas. Every engine event is published to the host
 * (bridge.js); the host's commands come back through the bridge
 * (playthroughs.js). Inputs are recorded with their clock so that a reload
 * can resume by replaying them deterministically. What the viewer is told
 * about money is moneycard.js.
 *
 * window.dramaPlayer is the Player: dramaPlayer.command(message) is the
 * inbound entry point of native hosts (docs/host-integration.md).
 */
(function (root) {
  "use strict";

  const doc = root.document;
  const $ = (id) => doc.getElementById(id);
  const { InputError, normalize } = root.DramaEngine;
  const Session = root.DramaSession;
  const { safeRelPath } = root.DramaUI;
  const { word } = root.DramaWords;

  const READER_VERSION = 2;
  const CONTRACTS = [1, 2]; // event contract versions of the bundles this player plays
  const MONEY_MARKS = ["deposit_requested", "deposit_simulated", "ending_reached"];
  const ASPECTS = { "9:16": 9 / 16, "16:9": 16 / 9, "1:1": 1, "4:5": 4 / 5, "3:4": 3 / 4 };

  function checkManifest(m) {
    if (!m || typeof m !== "object" || m.format !== "drama-studio-bundle") {
      throw new Error("manifest.json is not a Drama Studio bundle manifest");
    }
    if (!Number.isInteger(m.min_reader_version) || m.min_reader_version > READER_VERSION) {
      throw new Error("this bundle needs a newer player (min_reader_version " + m.min_reader_version + ")");
    }
    if (!CONTRACTS.includes(m.event_contract_version)) {
      throw new Error("unsupported event contract version " + m.event_contract_version);
    }
    if (m.host_origins !== undefined && !Array.isArray(m.host_origins)) {
      throw new Error("manifest host_origins must be a list of origins");
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
      this.timers = Session.loadTimers(); // the viewer's setting for the next start
      this.bridge = null;
      this.hostMode = false;
      this.hostPaused = false;
      this.hostTimers = null; // a set_timers that came before the playthrough started
      this.marked = false; // this playthrough was recorded as started (History)
      this.handling = 0; // depth of handle(): a command sent from an event listener waits for it
      this.queuedCommands = [];
      this.broken = false;
      this.deck = new root.DramaDeck.Deck($("video-a"), $("video-b"), {
        onMutedFallback: () => {
          $("unmute").hidden = false;
        },
        onError: () => this.status(word("status.video_error")),
        onEnd: () => this.onClipEnd(),
      });
      this.storyboard = new root.DramaStoryboard.Storyboard();
      this.view = new root.DramaUI.View({
        choose: (id) => this.act("choose", { option: id }, (e) => e.choose(id)),
        acceptPrompt: () => this.act("accept_prompt", {}, (e) => e.acceptPrompt()),
        declinePrompt: () => this.act("decline_prompt", {}, (e) => e.declinePrompt()),
        clickProduct: (id) => this.act("click_product", { tag: id }, (e) => e.clickProduct(id)),
        back: () => this.act("back", {}, (e) => e.back()),
        replay: () => this.restart(),
      });
      root.DramaChrome.bind(this);
      this.subtitles = new root.DramaSubtitles.Subtitles(this); // subtitles.js
      this.dub = new root.DramaDub.Dub(this); // dub.js
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
        this.status(word("status.cannot_play", { reason: err && err.message ? err.message : String(err) }));
        return;
      }
      this.setup(manifest);
      root.requestAnimationFrame((now) => this.tick(now));
    }

    setup(manifest) {
      const d = normalize(manifest.drama); // fills omitted fields with the model's defaults
      this.manifest = manifest;
      this.drama = d;
      this.media = new Map((d.media || []).map((m) => [m.id, m]));
      this.currency = d.currency || "CNY";
      root.DramaLocale.start(d.locale, doc); // words, lang and dir (locale.js)
      this.retext(); // scenes, goals, products, title: the drama's text in the words' locale (dramatext.js)
      $("stage").style.setProperty("--aspect", String(ASPECTS[d.aspect] || 9 / 16));
      const startScene = this.scenes.get(d.start) || d.scenes[0];
      const poster = manifest.posters && safeRelPath(manifest.posters[startScene.id]);
      if (poster) $("video-a").poster = "../" + poster;
      this.history = new Session.History(d.title);
      this.money = new root.DramaMoneyCard.MoneyCard(this.goalMap, this.currency, (a, c) => this.text.money(a, c));
      const dom = new URLSearchParams(root.location.search).get("host") === "dom";
      this.bridge = new root.DramaBridge.HostBridge({
        origins: manifest.host_origins || [],
        dom,
        onCommand: (command) => this.onCommand(command),
      });
      this.hostMode = this.bridge.hostMode;
      this.session = new Session.SessionStore(d.title, JSON.stringify(d), this.hostMode ? "host" : "preview");
      this.bridge.announceReady();
      this.open();
    }

    /** Show a scene's clip from `ms` (its trim end watched frame by frame), or its storyboard card. */
    showScene(sceneId, ms) {
      const scene = this.scenes.get(sceneId);
      if (scene.placeholder) {
        this.deck.hold();
        this.storyboard.show(scene);
      } else {
        this.storyboard.leave();
        const asset = this.media.get(scene.media);
        const out = scene.out_ms !== null ? scene.out_ms : asset ? asset.duration_ms : null;
        this.deck.show(this.mediaSrc(scene.media), ms, out, asset ? asset.fps : 24);
      }
      this.dub.show(scene, ms); // its dub (if any) waits at `ms` (dub.js)
    }

    /** The current scene is a storyboard card (no clip: the engine runs on frame time). */
    onCard() {
      const engine = this.engine;
      const scene = engine && engine.started ? this.scenes.get(engine.sceneId) : null;
      return Boolean(scene && scene.placeholder);
    }

    mediaSrc(assetId) {
      const asset = this.media.get(assetId);
      const path = asset && safeRelPath(asset.path);
      return path ? "../" + path : "";
    }

    /** Apply a viewer input now; stale UI (no longer possible) and input while the host holds the story are ignored. */
    act(action, fields, fn) {
      const engine = this.engine;
      if (!engine || this.replaying || !engine.started || this.hostPaused) return;
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
      this.markStarted();
      this.handle(events);
      this.persist(true);
    }

    /** The viewer has now started this drama: the next playthrough is a replay. */
    markStarted() {
      if (this.marked) return;
      this.marked = true;
      this.history.markStarted();
    }

    /* ---- events ---- */

    handle(events) {
      this.handling += 1;
      try {
        for (const event of events) {
          if (!this.replaying) {
            this.bridge.publish(event);
            if (MONEY_MARKS.includes(event.type)) this.markStarted();
          }
          this.onEvent(event);
        }
      } finally {
        this.handling -= 1;
      }
      if (this.replaying) return;
      this.render();
      this.planNext();
      this.syncDeck();
      // Commands a host sent from inside an event listener run once these events are handled.
      if (this.handling === 0) this.runQueuedCommands();
    }

    optionLabel(sceneId, optionId, withAmount) {
      const scene = this.scenes.get(sceneId);
      const option = scene && scene.choice && scene.choice.options.find((o) => o.id === optionId);
      if (!option) return optionId;
      const badge = withAmount ? this.text.badge(option) : "";
      return this.text.option(option) + (badge ? " (" + badge + ")" : "");
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
            if (e.media === null) this.announceCard(e.scene);
          }
          break;
        case "choice_shown":
          this.lastChoice = e;
          if (live) {
            const labels = e.options
              .map((o, i) => (i < 9 ? i + 1 + ": " : "") + this.optionLabel(e.scene, o.id, true))
              .join(", ");
            this.view.announce(word("live.choose", { options: labels }));
            this.preloadNext();
          }
          break;
        case "choice_made":
          if (this.scenes.get(e.scene).choice.mode === "play_to_end") this.takenTarget = e.target;
          if (live) {
            this.view.announce(word("live.chosen", { option: this.optionLabel(e.scene, e.option) }));
            this.preloadScene(e.target);
          }
          break;
        case "prompt_shown":
          if (live) {
            this.view.announce(
              word("live.prompt", { text: this.text.prompt(this.shownPrompt(e)), amount: this.text.money(e.amount),
                goal: this.text.goalName(e.goal) })
            );
          }
          break;
        case "playthrough_started":
          this.money.begin(this.hostMode, e.real_deposits);
          break;
        case "deposit_requested":
        case "deposit_confirmed":
        case "deposit_refused":
        case "deposit_simulated":
        case "deposit_cancelled": {
          const text = this.money.onEvent(e, live);
          if (live) {
            this.view.announce(text);
            if (this.lastEnding && this.engine.ended) this.refreshEnding();
          }
          break;
        }
        case "product_clicked":
          if (live) {
            const scene = this.scenes.get(e.scene);
            const tag = scene && scene.tags.find((x) => x.id === e.tag);
            const product = this.products.get(e.product);
            this.view.openProduct(e, product, tag);
            this.view.announce(word("live.product", { product: product ? product.name : e.name }));
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
            this.view.announce(word("live.back"));
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
      this.view.syncProduct(engine.ended ? null : engine.sceneId, shown);
      const promptId = engine.openPrompts[0];
      const prompt = promptId ? scene.prompts.find((p) => p.id === promptId) : null;
      this.view.renderPrompt(prompt, prompt ? this.goalMap.get(prompt.goal) : null);
      $("back").disabled = !engine.canGoBack;
    }

    updateCountdown() {
      const c = this.lastChoice;
      const choice = this.engine && this.engine.openChoice;
      if (!c || !choice || !c.countdown || choice.timeoutMs === null) return;
      this.view.setCountdown(1 - (this.engine.clock - choice.shownClock) / choice.timeoutMs);
    }

    /** window.dramaPlayer.command(message): a native host's command (object or JSON text). */
    command(message) {
      return this.bridge ? this.bridge.receive(message) : false;
    }
  }

  Object.assign(Player.prototype, root.DramaClock, root.DramaPreroll, root.DramaPlaythroughs, root.DramaEndings,
    root.DramaAuthorText.Mixin);

  function main() {
    root.DramaLocale.start(null, doc); // the page's words before anything loads (again with the drama's locale)
    const player = new Player();
    root.dramaPlayer = player;
    player.boot();
  }

  if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", main);
  else main();
})(typeof globalThis !== "undefined" ? globalThis : this);
