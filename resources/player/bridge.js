/*
 * Host bridge and local persistence of the web player.
 *
 * Every engine event goes to the host page twice: as a DOM CustomEvent on
 * window named "drama:<type>" (detail = the event JSON object, exactly as in
 * the event contract and `studio play`), and, when the player is embedded in
 * a frame, as parent.postMessage({source, contract, event}, "*").
 *
 * Persistence (localStorage, all failures tolerated: storage may be off):
 * the timers setting, and per drama (title + hash of its JSON) the viewer's
 * inputs and clock so a reload can resume by replaying them.
 */
(function (root) {
  "use strict";

  const SOURCE = "drama-studio-player";
  const CONTRACT = 1;
  const PREFIX = "drama-studio-player:";
  const TIMERS = ["normal", "x2", "x10", "off"];

  function publish(event) {
    const detail = JSON.parse(JSON.stringify(event));
    root.dispatchEvent(new CustomEvent("drama:" + detail.type, { detail }));
    if (root.parent && root.parent !== root) {
      try {
        root.parent.postMessage({ source: SOURCE, contract: CONTRACT, event: detail }, "*");
      } catch (err) {
        // A host that cannot receive messages is not our failure.
      }
    }
  }

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

  function validInput(input) {
    if (!input || typeof input !== "object" || !Number.isInteger(input.at) || input.at < 0) return false;
    switch (input.action) {
      case "choose":
        return typeof input.option === "string";
      case "click_product":
        return typeof input.tag === "string";
      case "accept_prompt":
      case "decline_prompt":
      case "back":
        return true;
      default:
        return false;
    }
  }

  class SessionStore {
    constructor(title, dramaText) {
      this.key = PREFIX + "session:" + title + ":" + hashText(dramaText);
    }

    load() {
      const data = read(this.key);
      if (!data || data.v !== 1 || !TIMERS.includes(data.timers)) return null;
      if (!Array.isArray(data.inputs) || !data.inputs.every(validInput)) return null;
      if (!Number.isInteger(data.clock) || data.clock < 0) return null;
      return data;
    }

    save(timers, inputs, clock) {
      write(this.key, { v: 1, timers, inputs, clock });
    }

    clear() {
      write(this.key, null);
    }
  }

  root.DramaBridge = { publish, hashText, loadTimers, saveTimers, SessionStore, SOURCE, CONTRACT, TIMERS };
})(typeof globalThis !== "undefined" ? globalThis : this);
