/*
 * Two-<video> deck: the next scene is pre-rolled (loaded and seeked to its
 * trim start) in the hidden standby element and swapped in on its first
 * presented frame (requestVideoFrameCallback when available), so the viewer
 * never sees a black frame between scenes. The outgoing element keeps its
 * last frame on screen until the swap.
 *
 * The trim end is watched frame by frame (requestVideoFrameCallback): when
 * the frame being presented is the last one before `out`, the clip is paused
 * on it and `onEnd` fires at once, so the story moves on without ever
 * showing a frame past the trim and the next clip starts within a vsync.
 *
 * Also owns autoplay: play with sound, and when the browser blocks that,
 * start muted and report it (the player then shows an unmute button).
 */
(function (root) {
  "use strict";

  const SEEK_TOLERANCE_S = 0.03;
  const FIRST_FRAME_TIMEOUT_MS = 400;
  const VSYNC_MS = 1000 / 60;

  function ignore() {}

  class Deck {
    /**
     * @param {HTMLVideoElement} a
     * @param {HTMLVideoElement} b
     * @param {{onMutedFallback?: Function, onError?: Function}} hooks
     */
    constructor(a, b, hooks) {
      this.slots = [a, b];
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
      for (const el of this.slots) {
        this._watchFrames(el);
        el.playsInline = true;
        el.setAttribute("playsinline", "");
        el.preload = "auto";
        el.disablePictureInPicture = true;
        el.addEventListener("error", () => {
          if (el.getAttribute("src") && this.hooks.onError) this.hooks.onError(el);
        });
      }
      a.classList.add("is-active");
      b.classList.remove("is-active");
    }

    _watchFrames(el) {
      if (typeof el.requestVideoFrameCallback !== "function") return;
      let handle = null;
      const onFrame = (now, meta) => {
        handle = el.requestVideoFrameCallback(onFrame);
        el.lastFrameAt = meta.expectedDisplayTime;
        if (el !== this.driver || this.endMs === null || this.endReached || el.seeking) return;
        if (meta.mediaTime * 1000 + this.frameMs >= this.endMs - 0.5) {
          // The next frame would be at or past the trim end: hold this one.
          this.endReached = true;
          el.pause();
          if (this.hooks.onEnd) this.hooks.onEnd();
        }
      };
      const arm = () => {
        if (handle !== null) el.cancelVideoFrameCallback(handle);
        handle = el.requestVideoFrameCallback(onFrame);
      };
      el.addEventListener("play", arm);
      el.addEventListener("loadstart", arm);
      arm();
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
      for (const el of this.slots) el.muted = muted;
    }

    _load(index, src, ms) {
      const el = this.slots[index];
      this.want[index] = { src, ms };
      const seconds = ms / 1000;
      if (el.getAttribute("src") !== src) {
        el.setAttribute("src", src);
        const seek = () => {
          if (this.want[index] && this.want[index].src === src && Math.abs(el.currentTime - seconds) > SEEK_TOLERANCE_S) {
            el.currentTime = seconds;
          }
        };
        if (seconds > 0) el.addEventListener("loadedmetadata", seek, { once: true });
        el.load();
      } else if (Math.abs(el.currentTime - seconds) > SEEK_TOLERANCE_S || el.ended) {
        el.currentTime = seconds;
      }
    }

    _isPrepared(index, src, ms) {
      const w = this.want[index];
      return w !== null && w.src === src && w.ms === ms;
    }

    /** Pre-roll `src` at `ms` in the standby element (no-op if already there). */
    preload(src, ms) {
      if (this.switching) return;
      const index = 1 - this.active;
      if (!this._isPrepared(index, src, ms)) this._load(index, src, ms);
    }

    _whenReady(el) {
      return new Promise((resolve) => {
        const check = () => {
          if (el.readyState >= 2 && !el.seeking) {
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

    _firstFrame(el) {
      return new Promise((resolve) => {
        let done = false;
        const finish = () => {
          if (!done) {
            done = true;
            resolve();
          }
        };
        if (typeof el.requestVideoFrameCallback === "function") {
          el.requestVideoFrameCallback(finish);
        } else {
          el.addEventListener("playing", finish, { once: true });
        }
        setTimeout(finish, FIRST_FRAME_TIMEOUT_MS);
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
     * else swap in the (pre-rolled) standby element.
     */
    show(src, ms, endMs, fps) {
      const token = ++this.token;
      const activeEl = this.slots[this.active];
      // The outgoing frame stays up for its full frame time, then the cut.
      const holdUntil = activeEl.lastFrameAt ? activeEl.lastFrameAt + this.frameMs : 0;
      this.setEnd(endMs === undefined ? null : endMs, fps);
      if (!this.switching && activeEl.getAttribute("src") === src && activeEl.readyState >= 1) {
        this.want[this.active] = { src, ms };
        if (Math.abs(activeEl.currentTime - ms / 1000) > SEEK_TOLERANCE_S || activeEl.ended) {
          activeEl.currentTime = ms / 1000;
        }
        return Promise.resolve();
      }
      const index = 1 - this.active;
      const el = this.slots[index];
      if (!this._isPrepared(index, src, ms)) this._load(index, src, ms);
      this.switching = true;
      if (!activeEl.paused) activeEl.pause();
      return this._whenReady(el).then(() => {
        if (token !== this.token) return undefined;
        if (!this.wantPlaying) {
          this._swap(index);
          return undefined;
        }
        // The pre-rolled element already holds its first frame (decoded at
        // the trim start): it is swapped in on its first presented frame, or
        // as soon as the outgoing frame has had its time, whichever is first.
        const shown = Promise.race([this._firstFrame(el), this._frameDue(holdUntil)]);
        this._play(el);
        return shown.then(() => {
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
      if (!outgoing.paused) outgoing.pause();
      this.sync();
    }

    /** Play or pause the driving element to follow the engine. */
    setPlaying(playing) {
      this.wantPlaying = playing;
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

    _play(el) {
      el.muted = this.muted;
      const attempt = el.play();
      if (!attempt || typeof attempt.then !== "function") return;
      attempt.catch((err) => {
        if (err && err.name === "NotAllowedError" && !this.muted) {
          this.setMuted(true);
          if (this.hooks.onMutedFallback) this.hooks.onMutedFallback();
          if (this.wantPlaying || this.switching) el.play().catch(ignore);
        }
        // AbortError: a pause() or new src interrupted play(); nothing to do.
      });
    }

    /** Stop everything (used before a restart). */
    reset() {
      this.token++;
      this.switching = false;
      this.endMs = null;
      this.endReached = false;
      this.wantPlaying = false;
      for (const el of this.slots) if (!el.paused) el.pause();
    }
  }

  root.DramaDeck = { Deck };
})(typeof globalThis !== "undefined" ? globalThis : this);
