/*
 * Local persistence of the web player (localStorage; every failure is
 * tolerated: storage may be off, full or private).
 *
 * - the viewer's timers setting and subtitles toggle;
 * - per drama title: whether the viewer has started this drama before (the
 *   engine's `replay` flag of the next playthrough);
 * - per drama (title + hash of its JSON) and mode the playthrough in progress: its id,
 *   replay flag, host mode, timers, every input (viewer inputs and the host's
 *   deposit_result / set_timers) with its clock, and the clock, so that a
 *   reload resumes the same playthrough by replaying the inputs exactly.
 */
(function (root) {
  "use strict";

  const PREFIX = "drama-studio-player:";
  const TIMERS = ["normal", "x2", "x10", "off"];
  const PLAYTHROUGH_RE = /^[A-Za-z0-9_-]{1,64}$/;

  /** FNV-1a (32 bit) of a string, as 8 hex digits: a cheap content key. */
  function hashText(text) {
    let h = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h.toString(16).padStart(8, "0");
  }

  function storage() {
    try {
      return root.localStorage || null;
    } catch (err) {
      return null;
    }
  }

  function read(key) {
    const store = storage();
    if (!store) return null;
    try {
      const text = store.getItem(key);
      return text === null ? null : JSON.parse(text);
    } catch (err) {
      return null;
    }
  }

  function write(key, value) {
    const store = storage();
    if (!store) return;
    try {
      if (value === null) store.removeItem(key);
      else store.setItem(key, JSON.stringify(value));
    } catch (err) {
      // Quota or privacy mode: resume is a convenience, never required.
    }
  }

  function loadTimers() {
    const value = read(PREFIX + "timers");
    return TIMERS.includes(value) ? value : "normal";
  }

  function saveTimers(value) {
    if (TIMERS.includes(value)) write(PREFIX + "timers", value);
  }

  /** The viewer's subtitles toggle (subtitles.js): on unless turned off. */
  function loadSubtitles() {
    return read(PREFIX + "subtitles") !== false;
  }

  function saveSubtitles(on) {
    write(PREFIX + "subtitles", Boolean(on));
  }

  /**
   * A new playthrough id: a random UUID (crypto.randomUUID, which needs a
   * secure context; else a version 4 UUID from crypto.getRandomValues).
   */
  function newPlaythroughId() {
    const c = root.crypto;
    if (c && typeof c.randomUUID === "function") {
      try {
        return c.randomUUID();
      } catch (err) {
        // fall through
      }
    }
    const bytes = new Uint8Array(16);
    if (c && typeof c.getRandomValues === "function") c.getRandomValues(bytes);
    else for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
    return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join("-");
  }

  const isString = (v) => typeof v === "string";

  function validInput(input) {
    if (!input || typeof input !== "object" || !Number.isInteger(input.at) || input.at < 0) return false;
    switch (input.action) {
      case "choose":
        return isString(input.option);
      case "click_product":
        return isString(input.tag);
      case "accept_prompt":
      case "decline_prompt":
      case "back":
        return true;
      case "deposit_result":
        return isString(input.deposit_id) && typeof input.ok === "boolean" && (input.reason === null || isString(input.reason));
      case "set_timers":
        return TIMERS.includes(input.timers);
      default:
        return false;
    }
  }

  /** Whether the viewer has started a drama with this title before (on this origin). */
  class History {
    constructor(title) {
      this.key = PREFIX + "started:" + title;
    }

    startedBefore() {
      return read(this.key) === true;
    }

    markStarted() {
      write(this.key, true);
    }
  }

  /**
   * The playthrough in progress of one drama, kept apart per mode ("host" or
   * "preview"): a host's playthrough waits for the next visit in host mode
   * (its deposits are at that host) even if the player is opened as a preview
   * meanwhile.
   */
  class SessionStore {
    constructor(title, dramaText, mode) {
      this.mode = mode;
      this.key = PREFIX + "session:" + mode + ":" + title + ":" + hashText(dramaText);
    }

    /** {v, playthrough, replay, mode, timers, inputs, clock} or null when absent or damaged. */
    load() {
      const data = read(this.key);
      if (!data || data.v !== 2 || !TIMERS.includes(data.timers) || data.mode !== this.mode) return null;
      if (!isString(data.playthrough) || !PLAYTHROUGH_RE.test(data.playthrough)) return null;
      if (typeof data.replay !== "boolean") return null;
      if (!Array.isArray(data.inputs) || !data.inputs.every(validInput)) return null;
      if (!Number.isInteger(data.clock) || data.clock < 0) return null;
      return data;
    }

    save(state) {
      const { playthrough, replay, mode, timers, inputs, clock } = state;
      write(this.key, { v: 2, playthrough, replay, mode, timers, inputs, clock });
    }

    clear() {
      write(this.key, null);
    }
  }

  root.DramaSession = { hashText, loadTimers, saveTimers, loadSubtitles, saveSubtitles, newPlaythroughId, validInput, History, SessionStore, TIMERS };
})(typeof globalThis !== "undefined" ? globalThis : this);
