/*
 * The host bridge of the web player (docs/host-integration.md): how engine
 * events reach a host app and how the host's commands come back.
 *
 * Out (player -> host), every event, on every transport present:
 *   - a DOM CustomEvent "drama:<type>" on the player's own window (detail =
 *     the event JSON), always;
 *   - in an iframe: parent.postMessage(envelope, origin) for each allowed
 *     origin of manifest.host_origins (never "*": the browser delivers a
 *     message only if the parent's origin is that one);
 *   - iOS WKWebView: window.webkit.messageHandlers.dramaHost.postMessage(envelope);
 *   - Android WebView: window.DramaHost.postMessage(JSON text of the envelope).
 *   envelope = {"source": "drama-studio-player", "contract": 2, "event": {...}}
 *
 * In (host -> player), {"source": "drama-studio-host", "contract": 2,
 * "command": {"type": ..., ...}} (an object or its JSON text); set_locale
 * {"locale": "<BCP 47>" | null} goes to locale.js, the others to the player:
 *   - postMessage from window.parent with an allowed event.origin;
 *   - window.dramaPlayer.command(message) (native hosts: evaluateJavascript);
 *   - Android addWebMessageListener replies (DramaHost "message" events).
 * Every message is validated strictly; anything malformed, unknown, too big,
 * too frequent (over 50 a second) or from a wrong window or origin is ignored
 * and counted: a "drama:bridge_rejected" CustomEvent {reason, count} on the
 * player's own window. Nothing here ever throws at a sender.
 */
(function (root) {
  "use strict";

  const SOURCE = "drama-studio-player";
  const HOST_SOURCE = "drama-studio-host";
  const CONTRACT = 2;
  const TIMERS = ["normal", "x2", "x10", "off"];
  const COMMANDS = ["pause", "resume", "deposit_result", "set_timers", "set_locale"];
  const MAX_TEXT = 4096; // longest accepted JSON text of a command
  const MAX_ID = 256; // longest deposit_id (the engine's are at most 214 characters)
  const MAX_REASON = 200; // longest refusal reason (as in the engine contract)
  const RATE_PER_SECOND = 50;
  const MAX_ORIGINS = 20;
  const MAX_LOCALE = 35; // longest accepted set_locale tag (BCP 47: language-script-region-variant)
  const LOCALE = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;

  const hasOwn = (o, k) => Object.prototype.hasOwnProperty.call(o, k);

  function isPlainObject(value) {
    if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
    const proto = Object.getPrototypeOf(value);
    return proto === Object.prototype || proto === null;
  }

  /** Exactly the keys `required` plus any of `optional`, nothing else. */
  function hasKeys(obj, required, optional) {
    const keys = Object.keys(obj);
    if (!required.every((k) => hasOwn(obj, k))) return false;
    return keys.every((k) => required.includes(k) || (optional || []).includes(k));
  }

  /** A serialized origin the player may talk to: https (http only for loopback hosts), no path. */
  function validOrigin(text) {
    if (typeof text !== "string" || text.length > 300 || text === "*") return false;
    let url;
    try {
      url = new URL(text);
    } catch (err) {
      return false;
    }
    if (url.origin !== text) return false;
    if (url.protocol === "https:") return true;
    return url.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  }

  /** manifest.host_origins -> the valid origins (others dropped: they could never match). */
  function allowedOrigins(list) {
    if (!Array.isArray(list)) return [];
    return list.filter(validOrigin).slice(0, MAX_ORIGINS);
  }

  /** A BCP 47 tag the browser accepts (Intl.getCanonicalLocales), at most MAX_LOCALE characters. */
  function validLocale(tag) {
    if (typeof tag !== "string" || tag.length > MAX_LOCALE || !LOCALE.test(tag)) return false;
    try {
      return Intl.getCanonicalLocales(tag).length === 1;
    } catch (err) {
      return false;
    }
  }

  /**
   * Parse one host message. Returns {command} (a clean copy holding only the
   * documented fields) or {reject: reason}.
   */
  function parseCommand(data) {
    let message = data;
    if (typeof message === "string") {
      if (message.length > MAX_TEXT) return { reject: "too_large" };
      try {
        message = JSON.parse(message);
      } catch (err) {
        return { reject: "not_json" };
      }
    }
    if (!isPlainObject(message) || message.source !== HOST_SOURCE) return { reject: "not_host_message" };
    if (!hasKeys(message, ["source", "contract", "command"])) return { reject: "malformed" };
    if (message.contract !== CONTRACT) return { reject: "contract" };
    const c = message.command;
    if (!isPlainObject(c) || typeof c.type !== "string") return { reject: "malformed" };
    switch (c.type) {
      case "pause":
      case "resume":
        return hasKeys(c, ["type"]) ? { command: { type: c.type } } : { reject: "malformed" };
      case "set_timers":
        if (!hasKeys(c, ["type", "timers"]) || !TIMERS.includes(c.timers)) return { reject: "malformed" };
        return { command: { type: c.type, timers: c.timers } };
      case "set_locale":
        // null forgets the host's choice (the viewer's languages, then the drama's locale, decide again).
        if (!hasKeys(c, ["type", "locale"]) || (c.locale !== null && !validLocale(c.locale))) return { reject: "malformed" };
        return { command: { type: c.type, locale: c.locale } };
      case "deposit_result": {
        if (!hasKeys(c, ["type", "deposit_id", "ok"], ["reason"])) return { reject: "malformed" };
        const id = c.deposit_id;
        const reason = hasOwn(c, "reason") ? c.reason : null;
        if (typeof id !== "string" || id.length === 0 || id.length > MAX_ID || /[\u0000-\u0020\u007f]/.test(id)) {
          return { reject: "malformed" };
        }
        if (typeof c.ok !== "boolean") return { reject: "malformed" };
        if (reason !== null && (typeof reason !== "string" || reason.length > MAX_REASON)) return { reject: "malformed" };
        return { command: { type: c.type, deposit_id: id, ok: c.ok, reason } };
      }
      default:
        return { reject: "unknown_command" };
    }
  }

  /** The native bridges present at start (null when absent). */
  function detectNative(win) {
    let ios = null;
    let android = null;
    try {
      const handler = win.webkit && win.webkit.messageHandlers && win.webkit.messageHandlers.dramaHost;
      if (handler && typeof handler.postMessage === "function") ios = handler;
    } catch (err) {
      ios = null;
    }
    try {
      const host = win.DramaHost;
      if (host && typeof host.postMessage === "function") android = host;
    } catch (err) {
      android = null;
    }
    return { ios, android };
  }

  class HostBridge {
    /**
     * `origins`: manifest.host_origins; `dom`: a same-origin page handles the
     * CustomEvents and answers through window.dramaPlayer.command
     * (`?host=dom`); `onCommand(command)`: called with each valid command.
     */
    constructor(options) {
      this.win = options.window || root;
      this.origins = allowedOrigins(options.origins);
      this.onCommand = options.onCommand;
      // set_locale is the page's, not the story's: locale.js applies it (the engine never sees it).
      this.onLocale = options.onLocale || ((tag) => root.DramaLocale.fromHost(tag, root.dramaPlayer));
      this.framed = this.win.parent !== this.win;
      const native = detectNative(this.win);
      this.ios = native.ios;
      this.android = native.android;
      this.dom = options.dom === true;
      this.rejected = 0;
      this.windowStart = -Infinity;
      this.inWindow = 0;
      this.ready = false;
      this.win.addEventListener("message", (e) => this.onMessage(e));
      if (this.android && typeof this.android.addEventListener === "function") {
        // androidx.webkit addWebMessageListener: the app answers with replyProxy.postMessage(text).
        try {
          this.android.addEventListener("message", (e) => this.receive(e && e.data));
        } catch (err) {
          // An addJavascriptInterface object: the app uses dramaPlayer.command instead.
        }
      }
    }

    /**
     * Host mode: someone can answer deposits (an allowed parent origin while
     * framed, a native bridge, or a same-origin DOM host). Otherwise the
     * player is a preview and answers deposits itself (no money moves).
     */
    get hostMode() {
      return (this.framed && this.origins.length > 0) || this.ios !== null || this.android !== null || this.dom;
    }

    get transports() {
      const out = ["dom"];
      if (this.framed && this.origins.length > 0) out.push("iframe");
      if (this.ios) out.push("ios");
      if (this.android) out.push("android");
      return out;
    }

    /** Send one event (engine event JSON) on every transport. */
    publish(event) {
      const text = JSON.stringify(event);
      const detail = JSON.parse(text);
      try {
        this.win.dispatchEvent(new CustomEvent("drama:" + detail.type, { detail }));
      } catch (err) {
        // a listener's failure is the listener's
      }
      const envelopeText = '{"source":"' + SOURCE + '","contract":' + CONTRACT + ',"event":' + text + "}";
      if (this.framed) {
        for (const origin of this.origins) {
          try {
            this.win.parent.postMessage(JSON.parse(envelopeText), origin);
          } catch (err) {
            // the parent went away
          }
        }
      }
      if (this.ios) {
        try {
          this.ios.postMessage(JSON.parse(envelopeText));
        } catch (err) {
          // the app removed its handler
        }
      }
      if (this.android) {
        try {
          this.android.postMessage(envelopeText);
        } catch (err) {
          // the app removed its interface
        }
      }
    }

    /** The bridge listens: tell the host (once) that it may send commands now. */
    announceReady() {
      if (this.ready) return;
      this.ready = true;
      this.publish({ type: "player_ready", mode: this.hostMode ? "host" : "preview", commands: COMMANDS.slice() });
    }

    reject(reason) {
      this.rejected += 1;
      try {
        this.win.dispatchEvent(new CustomEvent("drama:bridge_rejected", { detail: { reason, count: this.rejected } }));
      } catch (err) {
        // diagnostics only
      }
      return false;
    }

    /** At most RATE_PER_SECOND messages per one-second window. */
    allow() {
      const now = this.win.performance ? this.win.performance.now() : Date.now();
      if (now - this.windowStart >= 1000) {
        this.windowStart = now;
        this.inWindow = 0;
      }
      this.inWindow += 1;
      return this.inWindow <= RATE_PER_SECOND;
    }

    onMessage(e) {
      if (!this.allow()) return this.reject("rate_limit");
      if (!this.framed || e.source !== this.win.parent) return this.reject("not_parent");
      if (!this.origins.includes(e.origin)) return this.reject("origin");
      return this.handle(e.data);
    }

    /** Native entry point (window.dramaPlayer.command): true if the command was accepted. */
    receive(data) {
      if (!this.allow()) return this.reject("rate_limit");
      return this.handle(data);
    }

    handle(data) {
      let parsed;
      try {
        parsed = parseCommand(data);
      } catch (err) {
        parsed = { reject: "malformed" }; // e.g. a getter that throws
      }
      if (parsed.reject) return this.reject(parsed.reject);
      try {
        if (parsed.command.type === "set_locale") this.onLocale(parsed.command.locale);
        else this.onCommand(parsed.command);
      } catch (err) {
        if (root.console) root.console.warn("drama player: a host command failed:", err);
      }
      return true;
    }
  }

  root.DramaBridge = { HostBridge, parseCommand, allowedOrigins, validOrigin, validLocale, SOURCE, HOST_SOURCE, CONTRACT, COMMANDS };
})(typeof globalThis !== "undefined" ? globalThis : this);
