/*
 * Two-<video> deck: the active clip is on top, the next one waits below,
 * pre-rolled at its trim start (first frame decoded).
 *
 * Trim end: watched frame by frame (requestVideoFrameCallback); the last
 * frame before `out` is held (paused) and `onEnd` fires at once.
 *
 * A switch: the incoming clip is brought on top once the outgoing last frame
 * had its full frame time (the cut), and its play() is called `lead` ms
 * before its next frame is due one frame time after the cut: no black frame,
 * no frame past the trim, no freeze. `lead` = play() -> first new frame,
 * measured on this page for switch starts (upper quartile of the last few),
 * from a safe default. When the engine knows the next scene early (setNext),
 * that start is made from the outgoing clip's frame callbacks, before its
 * end if the lead needs it; the swap still waits for the engine to enter
 * that scene, and anything else cancels it (pause, back to the trim start),
 * as does the hidden clip running ahead (the outgoing one stalled).
 * Otherwise (a choice open at the end, a cut) it is made at the switch.
 *
 * Audio: the incoming clip starts with sound; Chromium keeps sound in step
 * with frames, so it is heard from the cut, after the outgoing clip paused.
 * (Muted start + unmute at the cut was measured: unmuting, or raising the
 * volume from 0, restarts the audio output and holds a frame one vsync.)
 *
 * The lead itself is learnt by lead.js (loaded before this file).
 *
 * A clip marked data-dub (dub.js: a dub plays instead) is always muted.
 *
 * Autoplay: play with sound; when the browser blocks that, go on muted and
 * report it (the player shows an unmute button).
 * `window.DRAMA_PLAYER_OPTIONS = {earlyStart: false}`, set before the player
 * loads, turns the early start off (benchmarks).
 */
(function (root) {
  "use strict";

  const SEEK_TOLERANCE_S = 0.03;
  // An early-started clip that ran, still hidden, for more than this many
  // frames and ms is rewound (the active clip stalled).
  const MAX_HIDDEN_FRAMES = 2.5;
  const MAX_HIDDEN_MS = 100;
  const MAX_SWITCH_LOG = 200;

  const StartLatency = root.DramaLead.StartLatency;
  const { FrameLog, VSYNC_MS } = root.DramaFrames;

  function ignore() {}

  function rateOf(el) {
    return el.playbackRate > 0 ? el.playbackRate : 1;
  }

  class Deck {
    /**
     * @param {HTMLVideoElement} a
     * @param {HTMLVideoElement} b
     * @param {{onMutedFallback?: Function, onError?: Function, onEnd?: Function}} hooks
     */
    constructor(a, b, hooks) {
      const options = root.DRAMA_PLAYER_OPTIONS || {};
      this.slots = [a, b];
      const steps = []; // how late the page's frame callbacks run (frames.js)
      this.info = this.slots.map(() => ({
        fps: 24,
        fresh: true, // no play() since the source was set
        playAt: null, // performance.now() of a switch start, until its first new frame
        playFrom: 0,
        key: "sf",
        hidden: false, // started early, still below the active clip
        frames: new FrameLog(steps), // what its frame callbacks said (frames.js)
        seekPending: null, // the src whose pre-roll seek waits for its metadata
      }));
      this.active = 0;
      this.token = 0;
      this.hooks = hooks || {};
      this.muted = false;
      this.wantPlaying = false;
      this.switching = false;
      this.want = [null, null];
      this.endMs = null;
      this.frameMs = 1000 / 24;
      this.endReached = false;
      this.next = null; // the scene known to follow: {src, ms, fps, started, startedAt, timer, lead}
      this.latency = new StartLatency();
      this.earlyStart = options.earlyStart !== false;
      // Each switch (for tests and benches): {early, lead, startedAt, cut, presented (a frame of the
      // incoming clip was presented before it went on top; false: waited SHOWN_WAIT_MS for none)}.
      this.switches = [];
      this.slots.forEach((el, index) => {
        this._watchFrames(el, index);
        el.playsInline = true;
        el.setAttribute("playsinline", "");
        el.preload = "auto";
        el.disablePictureInPicture = true;
        el.addEventListener("error", () => {
          if (el.getAttribute("src") && this.hooks.onError) this.hooks.onError(el);
        });
      });
      a.classList.add("is-active");
      b.classList.remove("is-active");
    }

    _watchFrames(el, index) {
      if (typeof el.requestVideoFrameCallback !== "function") return;
      const log = this.info[index].frames;
      let handle = null;
      const onFrame = (now, meta) => {
        handle = el.requestVideoFrameCallback(onFrame);
        el.lastFrameAt = meta.expectedDisplayTime;
        this._learn(index, meta);
        if (!log.record(el, meta, this.info[index].fps)) return; // seeking
        if (el === this.driver) {
          if (this.endMs === null || this.endReached) return;
          const starting = this.next !== null && this.next.started;
          if (meta.mediaTime * 1000 + this._endFrames(el, starting) * this.frameMs >= this.endMs - 0.5) {
            // The next frame shown could be at or past the trim end: hold this one.
            this.endReached = true;
            el.pause();
            if (this.hooks.onEnd) this.hooks.onEnd();
            return;
          }
          if (!this.switching) this._schedule(el, meta);
        } else if (!this.switching) {
          this._checkHidden(index, meta);
        }
      };
      const arm = () => {
        if (handle !== null) el.cancelVideoFrameCallback(handle);
        handle = el.requestVideoFrameCallback(onFrame);
        log.restart();
      };
      el.addEventListener("play", arm);
      el.addEventListener("loadstart", () => {
        log.reset();
        arm();
      });
      el.addEventListener("seeking", () => log.restart());
      arm();
    }

    /**
     * How many frames ahead of the trim end the driver is held (frames.js);
     * one more once the next clip is `starting` early: its start costs the
     * page's main thread time just before the trim end (measured: a callback
     * then comes a frame later than any before it).
     */
    _endFrames(el, starting) {
      const frames = this.info[this.slots.indexOf(el)].frames.endFrames(this.frameMs, rateOf(el));
      return starting ? frames + 1 : frames;
    }

    /** A switch start's first new frame is a latency sample. */
    _learn(index, meta) {
      const info = this.info[index];
      if (info.playAt === null) return;
      const frame = 1000 / info.fps;
      const k = Math.round((meta.mediaTime * 1000 - info.playFrom) / frame);
      if (k < 1) return; // the frame that was already on show
      if (k <= 3) {
        const late = ((k - 1) * frame) / rateOf(this.slots[index]);
        this.latency.add(info.key, meta.expectedDisplayTime - info.playAt - late);
      }
      info.playAt = null;
    }

    /** When to call play() so that the first new frame follows the held one at `cut`. */
    _startDelay(index, cut, fps) {
      const el = this.slots[index];
      const lead = this.latency.lead(StartLatency.key(this.muted, this.info[index].fresh));
      return { lead, delay: cut + 1000 / fps / rateOf(el) - lead - performance.now() };
    }

    /** On each frame of the active clip: when to start the known next clip. */
    _schedule(el, meta) {
      const n = this.next;
      if (!n || n.started || !this.earlyStart || !this.wantPlaying || this.endMs === null || el.paused) return;
      const index = 1 - this.active;
      const standby = this.slots[index];
      if (!this._isPrepared(index, n.src, n.ms) || !this._inPlace(index)) return;
      const rate = rateOf(el);
      const hold = this.endMs - 0.5 - this._endFrames(el, true) * this.frameMs; // the frame held is at or after this
      const left = Math.max(0, Math.ceil((hold - meta.mediaTime * 1000) / this.frameMs - 1e-6));
      // The cut: one frame time after the outgoing last frame goes up.
      const cut = meta.expectedDisplayTime + ((left + 1) * this.frameMs) / rate;
      const { lead, delay } = this._startDelay(index, cut, n.fps);
      if (delay > (3 * this.frameMs) / rate) return; // decide on a later frame
      clearTimeout(n.timer);
      n.lead = lead;
      if (delay <= 1) this._startEarly(n);
      else n.timer = setTimeout(() => this._startEarly(n), delay);
    }

    _startEarly(n) {
      n.timer = null;
      if (n !== this.next || n.started || this.switching || !this.wantPlaying || this.endReached) return;
      const index = 1 - this.active;
      const el = this.slots[index];
      if (this.slots[this.active].paused || !this._isPrepared(index, n.src, n.ms) || !this._inPlace(index)) return;
      n.started = true;
      n.startedAt = performance.now();
      this.info[index].hidden = true;
      this._play(el, true);
    }

    /** The hidden clip ran ahead (the active one stalled): back to its start. */
    _checkHidden(index, meta) {
      const n = this.next;
      if (!n || !n.started || !this.info[index].hidden) return;
      const rate = rateOf(this.slots[index]);
      const ahead = (meta.mediaTime * 1000 - n.ms) / rate; // ms it ran, hidden
      if (ahead > Math.max((MAX_HIDDEN_FRAMES * 1000) / n.fps / rate, MAX_HIDDEN_MS)) this._cancelEarly();
    }

    /** Stop an early start (if any): the standby is paused and pre-rolled again. */
    _cancelEarly() {
      const n = this.next;
      if (!n) return;
      clearTimeout(n.timer);
      n.timer = null;
      if (!n.started || this.switching) return;
      n.started = false;
      const index = 1 - this.active;
      const el = this.slots[index];
      this.info[index].hidden = false;
      this.info[index].playAt = null;
      el.pause();
      if (this._isPrepared(index, n.src, n.ms)) el.currentTime = n.ms / 1000;
    }

    /**
     * The scene that follows the current one at its trim end, as far as the
     * engine knows now (`src` null: not known). Pre-rolls it.
     */
    setNext(src, ms, fps) {
      const n = this.next;
      if (!src) {
        this._cancelEarly();
        this.next = null;
        return;
      }
      if (n && n.src === src && n.ms === ms) return;
      this._cancelEarly();
      this.next = { src, ms, fps: fps > 0 ? fps : 24, started: false, startedAt: null, timer: null, lead: null };
      this.preload(src, ms, fps);
    }

    /** The clip time (ms) where the current scene ends, and its frame duration. */
    setEnd(endMs, fps) {
      this.endMs = endMs;
      this.frameMs = fps > 0 ? 1000 / fps : 1000 / 24;
      this.endReached = false;
    }

    /** The element whose clock drives the engine (the incoming one while switching). */
    get driver() {
      return this.slots[this.switching ? 1 - this.active : this.active];
    }

    get standby() {
      return this.slots[1 - this.active];
    }

    /** True when the driver shows the wanted position and can report time. */
    get ready() {
      const el = this.driver;
      return !this.switching && el.readyState >= 2 && !el.seeking;
    }

    /** Current clip time of the driver in ms (float). */
    timeMs() {
      return this.driver.currentTime * 1000;
    }

    setMuted(muted) {
      this.muted = muted;
      for (const el of this.slots) el.muted = muted || el.hasAttribute("data-dub"); // dub.js: a dubbed clip stays muted
    }

    _load(index, src, ms, fps) {
      const el = this.slots[index];
      const info = this.info[index];
      this.want[index] = { src, ms };
      info.playAt = null;
      if (fps > 0) info.fps = fps;
      const seconds = ms / 1000;
      if (el.getAttribute("src") !== src) {
        info.fresh = true;
        el.setAttribute("src", src);
        const seek = () => {
          if (info.seekPending === src) info.seekPending = null; // (el.seeking from here on)
          if (this.want[index] && this.want[index].src === src && Math.abs(el.currentTime - seconds) > SEEK_TOLERANCE_S) {
            el.currentTime = seconds;
          }
        };
        info.seekPending = seconds > 0 ? src : null;
        if (seconds > 0) el.addEventListener("loadedmetadata", seek, { once: true });
        el.load();
      } else {
        info.seekPending = null;
        if (Math.abs(el.currentTime - seconds) > SEEK_TOLERANCE_S || el.ended) el.currentTime = seconds;
      }
    }

    _isPrepared(index, src, ms) {
      const w = this.want[index];
      return w !== null && w.src === src && w.ms === ms;
    }

    /** Pre-roll `src` at `ms` in the standby element (no-op if already there). */
    preload(src, ms, fps) {
      if (this.switching) return;
      const index = 1 - this.active;
      if (this._isPrepared(index, src, ms)) return;
      this._cancelEarly();
      this._load(index, src, ms, fps);
    }

    /**
     * The element in slot `index` shows a decoded frame where it was asked to
     * be (readyState alone can say 2 before the pre-roll seek was even issued
     * when the page is busy: its loadedmetadata handler has not run yet).
     */
    _inPlace(index) {
      const el = this.slots[index];
      return el.readyState >= 2 && !el.seeking && this.info[index].seekPending === null;
    }

    _whenReady(index) {
      const el = this.slots[index];
      return new Promise((resolve) => {
        const check = () => {
          if (this._inPlace(index)) {
            el.removeEventListener("loadeddata", check);
            el.removeEventListener("seeked", check);
            el.removeEventListener("canplay", check);
            resolve();
          }
        };
        el.addEventListener("loadeddata", check);
        el.addEventListener("seeked", check);
        el.addEventListener("canplay", check);
        check();
      });
    }

    /** Resolves in the animation frame whose paint is due at or after `at` (performance.now ms). */
    _frameDue(at) {
      return new Promise((resolve) => {
        const check = (now) => {
          if (now + VSYNC_MS >= at - VSYNC_MS / 2) resolve();
          else root.requestAnimationFrame(check);
        };
        if (!at || performance.now() + VSYNC_MS >= at) resolve();
        else root.requestAnimationFrame(check);
      });
    }

    /**
     * Show `src` from `ms`: seek in place when it is already the active clip,
     * else swap in the standby element (early-started, or pre-rolled and
     * started now) once the outgoing frame has had its full frame time.
     */
    show(src, ms, endMs, fps) {
      const token = ++this.token;
      const activeEl = this.slots[this.active];
      // The outgoing frame stays up for its full frame time, then the cut.
      const cut = activeEl.lastFrameAt ? activeEl.lastFrameAt + this.frameMs / rateOf(activeEl) : 0;
      const plan = this.next;
      const first = !activeEl.getAttribute("src"); // nothing on screen yet
      this.setEnd(endMs === undefined ? null : endMs, fps);
      if (!this.switching && !first && activeEl.getAttribute("src") === src && activeEl.readyState >= 1) {
        this._cancelEarly();
        this.next = null;
        this.want[this.active] = { src, ms };
        if (Math.abs(activeEl.currentTime - ms / 1000) > SEEK_TOLERANCE_S || activeEl.ended) {
          activeEl.currentTime = ms / 1000;
        }
        return Promise.resolve();
      }
      const index = 1 - this.active;
      const el = this.slots[index];
      const early = plan !== null && plan.started && !this.switching && plan.src === src && plan.ms === ms && !el.paused;
      if (!early) this._cancelEarly();
      this.next = null;
      if (!this._isPrepared(index, src, ms)) this._load(index, src, ms, fps);
      if (fps > 0) this.info[index].fps = fps;
      this.switching = true;
      if (!activeEl.paused) activeEl.pause();
      // Not started early: on top once a frame of it is decoded where asked and presented.
      const shown = () => this.info[index].frames.whenShown(el, ms, this.info[index].fps, SEEK_TOLERANCE_S * 1000);
      const ready = early ? Promise.resolve(true) : this._whenReady(index).then(shown);
      return ready.then((presented) => {
        if (token !== this.token) return undefined;
        if (!this.wantPlaying || first) {
          // Paused, or the first clip (nothing to cut from: on at once; sync() plays it).
          this._swap(index);
          return undefined;
        }
        const entry = { early, lead: early ? plan.lead : null, startedAt: early ? plan.startedAt : null, cut, presented };
        this.switches.push(entry);
        if (this.switches.length > MAX_SWITCH_LOG) this.switches.shift();
        if (!early) {
          const { lead, delay } = this._startDelay(index, cut, fps > 0 ? fps : 24);
          entry.lead = lead;
          const start = () => {
            if (token === this.token && this.wantPlaying && el.paused) {
              entry.startedAt = performance.now();
              this._play(el, true);
            }
          };
          if (delay > 1) setTimeout(start, delay);
          else start();
        }
        return this._frameDue(cut).then(() => {
          if (token === this.token) this._swap(index);
        });
      });
    }

    _swap(index) {
      const incoming = this.slots[index];
      const outgoing = this.slots[1 - index];
      incoming.classList.add("is-active");
      outgoing.classList.remove("is-active");
      this.active = index;
      this.switching = false;
      this.info[index].hidden = false;
      if (!outgoing.paused) outgoing.pause();
      this.sync();
      if (this.next) this.preload(this.next.src, this.next.ms, this.next.fps);
    }

    /** Play or pause the driving element to follow the engine. */
    setPlaying(playing) {
      this.wantPlaying = playing;
      if (!playing) this._cancelEarly();
      this.sync();
    }

    sync() {
      if (this.switching) return;
      const el = this.slots[this.active];
      if (this.wantPlaying) {
        if (el.paused && !el.ended && !this.endReached && el.readyState >= 1) this._play(el);
      } else if (!el.paused) {
        el.pause();
      }
    }

    /** play() with the viewer's muting; a switch start (`measure`) is timed for the lead. */
    _play(el, measure) {
      const info = this.info[this.slots.indexOf(el)];
      el.muted = this.muted || el.hasAttribute("data-dub");
      if (measure) {
        info.playAt = performance.now();
        info.playFrom = el.currentTime * 1000;
        info.key = StartLatency.key(el.muted, info.fresh);
      }
      info.fresh = false;
      const attempt = el.play();
      if (!attempt || typeof attempt.then !== "function") return;
      attempt.catch((err) => {
        if (err && err.name === "NotAllowedError" && !this.muted) {
          this.setMuted(true);
          if (this.hooks.onMutedFallback) this.hooks.onMutedFallback();
          if (this.wantPlaying || this.switching || info.hidden) el.play().catch(ignore);
        }
        // AbortError: a pause() or new src interrupted play(); nothing to do.
      });
    }

    /**
     * A storyboard card is up (a scene without a clip): stop the clip where it
     * is (its frame stays below the card), drop any switch or early start in
     * progress and any trim end. The next show() starts from here.
     */
    hold() {
      this.token++;
      this.switching = false;
      this.setEnd(null, 24);
      this._cancelEarly();
      this.next = null;
      for (let i = 0; i < this.slots.length; i++) this.info[i].hidden = false;
      for (const el of this.slots) if (!el.paused) el.pause();
    }

    /** Stop everything (used before a restart). */
    reset() {
      this.token++;
      this.switching = false;
      this.endMs = null;
      this.endReached = false;
      this.wantPlaying = false;
      this._cancelEarly();
      this.next = null;
      for (const el of this.slots) if (!el.paused) el.pause();
    }
  }

  root.DramaDeck = { Deck };
})(typeof globalThis !== "undefined" ? globalThis : this);
