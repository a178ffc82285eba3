/*
 * Which language the player speaks (docs/localisation-player.md).
 *
 * The words (DramaWords' active catalogue) come from the first of these that
 * a catalogue of generated/messages.js serves: the host's set_locale command,
 * the viewer's browser languages (navigator.languages, in order), the drama's
 * `locale`, "en". A tag is served by its exact catalogue, else by the rules of
 * catalogueFor (zh-HK -> zh-TW, pt-PT -> pt-BR, es-MX -> es, ...); a tag no
 * catalogue serves falls through to the next.
 *
 * Money (DramaText.Filler) is written in the host's locale when the host set
 * one, else in the drama's: the viewer's browser languages pick words only
 * (the currency conventions stay the drama's market's unless the app says).
 * The document gets lang = the words' locale and dir = "rtl" when the host's
 * locale (or the words') is written right to left (Intl.Locale text info,
 * else a list of right-to-left languages).
 */
(function (root) {
  "use strict";

  const RTL = ["ar", "he", "iw", "fa", "ur", "ps", "sd", "ug", "yi", "dv", "ckb", "syr"];
  const has = (obj, key) => Object.prototype.hasOwnProperty.call(obj, key);

  /** The canonical form of a BCP 47 tag, or null when it is not one. */
  function canonical(tag) {
    if (typeof tag !== "string" || tag === "" || tag.length > 64) return null;
    try {
      const out = Intl.getCanonicalLocales(tag);
      return out.length === 1 ? out[0] : null;
    } catch (err) {
      return null;
    }
  }

  /** The name of the catalogue that serves `tag`, or null. */
  function catalogueFor(tag, catalogues) {
    const c = canonical(tag);
    if (!c) return null;
    const names = Object.keys(catalogues);
    const exact = names.find((n) => n.toLowerCase() === c.toLowerCase());
    if (exact) return exact;
    let loc;
    try {
      loc = new Intl.Locale(c);
    } catch (err) {
      return null;
    }
    const lang = loc.language;
    if (lang === "zh") {
      // Traditional script (zh-TW, zh-HK, zh-MO, zh-Hant-*) -> zh-TW, any other Chinese -> zh-CN.
      let script = loc.script;
      if (!script) {
        try {
          script = loc.maximize().script;
        } catch (err) {
          script = undefined;
        }
      }
      const pick = script === "Hant" ? "zh-TW" : "zh-CN";
      return has(catalogues, pick) ? pick : null;
    }
    if (lang === "pt" && has(catalogues, "pt-BR")) return "pt-BR";
    if (has(catalogues, lang)) return lang;
    const same = names.filter((n) => n.split("-")[0].toLowerCase() === lang).sort();
    return same.length > 0 ? same[0] : null;
  }

  /** True when `tag`'s script is written right to left. */
  function isRtl(tag) {
    const c = canonical(tag);
    if (!c) return false;
    try {
      const loc = new Intl.Locale(c);
      const info = typeof loc.getTextInfo === "function" ? loc.getTextInfo() : loc.textInfo;
      if (info && typeof info.direction === "string") return info.direction === "rtl";
      return RTL.includes(loc.language);
    } catch (err) {
      return false;
    }
  }

  /**
   * The outcome for a host tag (or null), the viewer's languages and the drama's tag:
   * {words, source ("host" | "viewer" | "drama" | "default"), money, lang, dir}.
   */
  function negotiate(host, viewer, drama, catalogues) {
    const candidates = [[host, "host"]];
    for (const tag of Array.isArray(viewer) ? viewer : []) candidates.push([tag, "viewer"]);
    candidates.push([drama, "drama"], ["en", "default"]);
    let words = "en";
    let source = "default";
    for (const [tag, from] of candidates) {
      const found = typeof tag === "string" ? catalogueFor(tag, catalogues) : null;
      if (found) {
        words = found;
        source = from;
        break;
      }
    }
    const hostTag = canonical(host);
    const money = hostTag || canonical(drama) || words;
    return { words, source, money, lang: words, dir: isRtl(hostTag || words) ? "rtl" : "ltr" };
  }

  function viewerLanguages() {
    const nav = root.navigator;
    if (!nav) return [];
    if (nav.languages && nav.languages.length > 0) return Array.from(nav.languages);
    return typeof nav.language === "string" ? [nav.language] : [];
  }

  const state = { drama: null, host: null, current: null };

  /** Negotiate again and set the page's words, lang and dir; returns the outcome. */
  function settle(doc) {
    const words = root.DramaWords;
    const out = negotiate(state.host, viewerLanguages(), state.drama, words.catalogues);
    words.setLocale(out.words);
    doc.documentElement.lang = out.lang;
    doc.documentElement.dir = out.dir;
    words.apply(doc);
    state.current = out;
    return out;
  }

  /** At start and when the drama is known (its `locale`; null before the manifest loads). */
  function start(dramaLocale, doc) {
    state.drama = typeof dramaLocale === "string" ? dramaLocale : null;
    return settle(doc);
  }

  /** Redraw what the player has drawn with words or money (the engine's state is not touched). */
  function redraw(player) {
    const money = player.money;
    if (money) {
      // The money card's notes ("Preview: no money moves"); its rows keep their words until they change.
      const note = money.modeNote();
      const promptNote = root.document.getElementById("prompt-note");
      promptNote.textContent = note;
      promptNote.hidden = note === "";
      if (money.note.textContent !== "") money.note.textContent = note;
    }
    const engine = player.engine;
    if (!engine || !engine.started) return;
    const view = player.view;
    if (view) {
      if (view.choiceKey) view.choiceKey = "\u0001"; // draw the open options again (no focus move)
      view.promptId = undefined; // and the open prompt
    }
    player.render();
    if (player.lastEnding && engine.ended) player.refreshEnding();
  }

  /** The host's set_locale (bridge.js has validated it; null forgets it): words, money, dir. */
  function fromHost(tag, player) {
    const doc = root.document;
    state.host = typeof tag === "string" ? tag : null;
    const out = settle(doc);
    if (player && player.drama && player.retext) player.retext(); // the drama's own text (dramatext.js)
    if (player && player.text) player.text.locale = out.money;
    if (player) {
      if (player.handling > 0) root.setTimeout(() => redraw(player), 0);
      else redraw(player);
    }
    return out;
  }

  /** The last outcome (tests and hosts' debugging): a copy. */
  function current() {
    return state.current ? Object.assign({}, state.current) : null;
  }

  root.DramaLocale = { canonical, catalogueFor, isRtl, negotiate, start, fromHost, current, RTL };
})(typeof globalThis !== "undefined" ? globalThis : this);
