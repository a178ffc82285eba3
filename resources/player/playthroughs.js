/*
 * Playthroughs and host commands, mixed into the Player (player.js); `this`
 * is the Player.
 *
 * A playthrough has a random id (kept across reloads) and a `replay` flag
 * (the viewer had started this drama before). Every input, the viewer's and
 * the host's (deposit_result, set_timers), is recorded with its clock; a
 * reload rebuilds the playthrough by replaying them silently, then sends the
 * host the deposits still waiting for an answer again (a host that follows
 * the rules moves no money for a repeat and answers again). Before another
 * playthrough starts (Watch again, Start over, Restart now) the old one is
 * abandoned: the deposits it had taken back are cancelled, and the host is
 * told.
 *
 * Host mode (someone answers deposits) or preview (the player's own wallet
 * accepts every deposit and says that no money moves) is decided once per
 * page by the bridge; each mode resumes only its own saved playthrough.
 */
(function (root) {
  "use strict";

  const doc = root.document;
  const $ = (id) => doc.getElementById(id);
  const { Engine, SimulatedWallet, InputError } = root.DramaEngine;
  const Session = root.DramaSession;

  const Playthroughs = {
    /** Offer to resume a saved playthrough, or start one. */
    open() {
      const saved = this.session.load(); // this mode's (see session.js)
      if (saved && (saved.inputs.length > 0 || saved.clock > 0)) {
        $("resume").hidden = false;
        $("resume-yes").focus({ preventScroll: true });
        $("resume-yes").onclick = () => this.resumeSaved(saved);
        $("resume-no").onclick = () => this.startOver(saved);
        return;
      }
      if (saved) this.session.clear();
      this.newPlaythrough();
    },

    /** Watch again, Restart now: leave the current playthrough for a new one (not while the host holds the story). */
    restart() {
      if (this.hostPaused) return;
      this.session.clear();
      this.newPlaythrough();
    },

    /** Resume card, "Start over": rebuild the saved playthrough silently, abandon it, start anew. */
    startOver(saved) {
      this.session.clear();
      if (!this.begin(saved, true)) this.engine = null; // it no longer fits the drama: nothing to abandon
      this.newPlaythrough();
    },

    resumeSaved(saved) {
      if (this.begin(saved, true)) {
        this.showRebuilt();
        this.republishPending();
        return;
      }
      // The saved inputs no longer fit this drama: start over, cleanly.
      this.session.clear();
      this.engine = null;
      this.newPlaythrough();
    },

    /** Abandon the current playthrough (if any) and start a new one. */
    newPlaythrough() {
      this.abandonCurrent();
      const replay = this.history.startedBefore();
      this.marked = false;
      this.begin({ playthrough: Session.newPlaythroughId(), replay, timers: this.timers, inputs: [], clock: 0 }, false);
    },

    abandonCurrent() {
      const engine = this.engine;
      this.engine = null;
      if (!engine || !engine.started) return;
      let events;
      try {
        events = engine.abandon(); // also after a failure: the host must get its money back
      } catch (err) {
        return;
      }
      for (const event of events) {
        this.bridge.publish(event);
        this.view.announce(this.money.onEvent(event, true));
      }
      // A host may still answer its pending deposits: keep the engine to route them to
      // (docs/engine-contract.md, abandon()); only in memory, at most a few playthroughs.
      if (engine.pendingRequests().length) {
        this.abandoned = (this.abandoned || []).filter((e) => e.pendingRequests().length).slice(-4);
        this.abandoned.push(engine);
      }
    },

    /** A host's late answer for an abandoned playthrough: applied there and sent on to the host. */
    answerAbandoned(id, ok, reason) {
      const playthrough = id.split(":", 1)[0];
      const engine = (this.abandoned || []).find((e) => e.playthrough === playthrough);
      if (!engine) return;
      for (const event of engine.depositResult(id, ok, reason)) this.bridge.publish(event);
    },

    /**
     * Start the engine for a playthrough `state` ({playthrough, replay,
     * timers, inputs, clock}); `rebuild`: replay its inputs silently first.
     * Returns false when the saved inputs no longer fit the drama.
     */
    begin(state, rebuild) {
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
      this.playthrough = state.playthrough;
      this.replayFlag = state.replay;
      this.startTimers = state.timers;
      const wallet = this.hostMode ? null : new SimulatedWallet("accept");
      this.engine = new Engine(this.drama, state.timers, wallet);
      if (rebuild) return this.rebuild(state);
      try {
        this.handle(this.engine.start(null, {}, state.playthrough, state.replay));
      } catch (err) {
        this.fail(err);
      }
      this.applyHostTimers();
      return true;
    },

    /** Rebuild a saved playthrough by replaying its inputs (nothing is sent to the host). */
    rebuild(saved) {
      const engine = this.engine;
      this.replaying = true;
      try {
        this.handle(engine.start(null, {}, saved.playthrough, saved.replay));
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
      return true;
    },

    /** Show a rebuilt playthrough where it was, and go on. */
    showRebuilt() {
      const engine = this.engine;
      this.marked = true;
      this.showScene(engine.sceneId, engine.t);
      if (this.lastEnding && engine.ended) this.showEnding(this.lastEnding, false);
      this.render();
      this.planNext();
      this.syncDeck();
      this.applyHostTimers();
    },

    /** After a resume: the deposits still waiting for the host's answer, sent again. */
    republishPending() {
      const requests = this.engine.pendingRequests();
      this.money.showPending(requests);
      for (const event of requests) this.bridge.publish(event);
    },

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
        case "deposit_result":
          return engine.depositResult(input.deposit_id, input.ok, input.reason);
        case "set_timers":
          return engine.setTimers(input.timers);
        default:
          return engine.back();
      }
    },

    /* ---- host commands (bridge.js has validated them) ---- */

    onCommand(command) {
      if (this.handling > 0) {
        this.queuedCommands.push(command);
        return;
      }
      switch (command.type) {
        case "pause":
          this.setHostPaused(true);
          break;
        case "resume":
          this.setHostPaused(false);
          break;
        case "deposit_result": {
          const { deposit_id: id, ok, reason } = command;
          // Before the playthrough runs (resume card) the answer is dropped: the
          // still pending deposits are sent again when it starts.
          if (this.engine && id.split(":", 1)[0] !== this.engine.playthrough) {
            this.answerAbandoned(id, ok, reason);
            break;
          }
          this.hostInput("deposit_result", { deposit_id: id, ok, reason }, (e) => e.depositResult(id, ok, reason));
          break;
        }
        case "set_timers":
          this.hostTimers = command.timers;
          this.applyHostTimers();
          break;
        default:
          break;
      }
    },

    runQueuedCommands() {
      while (this.queuedCommands.length > 0 && this.handling === 0) this.onCommand(this.queuedCommands.shift());
    },

    /** A set_timers that came before the playthrough started applies as soon as it runs. */
    applyHostTimers() {
      const timers = this.hostTimers;
      if (timers === null || !this.engine || !this.engine.started || this.replaying) return;
      this.hostTimers = null;
      this.hostInput("set_timers", { timers }, (e) => e.setTimers(timers));
    },

    /** A host input: recorded (like a viewer input) only when it changed something. */
    hostInput(action, fields, fn) {
      const engine = this.engine;
      if (!engine || !engine.started || this.replaying || this.broken) return;
      let events;
      try {
        events = fn(engine);
      } catch (err) {
        if (err instanceof InputError) return;
        this.fail(err);
        return;
      }
      if (events.length === 0) return;
      this.inputs.push(Object.assign({ at: engine.clock, action }, fields));
      this.handle(events);
      if (this.lastEnding && engine.ended) this.refreshEnding();
      this.persist(true);
    },

    /** The host holds the story: no time reaches the engine, the video stops. */
    setHostPaused(paused) {
      if (this.hostPaused === paused) return;
      this.hostPaused = paused;
      this.lastNow = null;
      $("stage").classList.toggle("is-host-paused", paused);
      $("host-paused").hidden = !paused;
      this.view.announce(root.DramaWords.word(paused ? "live.paused" : "live.playing"));
      this.syncDeck();
    },

    syncDeck() {
      const engine = this.engine;
      const playing = engine && engine.started && engine.playing && !this.hostPaused && !this.broken;
      this.deck.setPlaying(Boolean(playing && !this.onCard())); // a card plays on the engine's clock
    },

    persist(force) {
      const engine = this.engine;
      if (!engine || !engine.started || this.replaying || !this.session || engine.ended) return;
      if (!force && this.inputs.length === 0 && engine.clock < 2000) return;
      this.session.save({
        playthrough: this.playthrough,
        replay: this.replayFlag,
        mode: this.hostMode ? "host" : "preview",
        timers: this.startTimers,
        inputs: this.inputs,
        clock: engine.clock,
      });
    },
  };

  root.DramaPlaythroughs = Playthroughs;
})(typeof globalThis !== "undefined" ? globalThis : this);
