/*
 * The viewer vocabulary: every fixed word the player shows or says that is
 * not author text ("Save it", "Not now", "Watch again"...), from the shared
 * message catalogues resources/player/messages/<locale>.json (the studio reads
 * the same files through studio.l10n.vocabulary.word). The catalogues come in
 * as generated/messages.js (scripts/gen_player_messages.py), a script and not
 * a fetch, so that a bundle works from a static server and from an app's
 * local storage alike. docs/localisation-player.md has the format.
 *
 * DramaWords.word(key, values) is one message with its {names} filled; a
 * message may hold one plural part, "{count, plural, one {# deposit} other
 * {# deposits}}", whose branch is the CLDR category of values.count in the
 * active locale (Intl.PluralRules; "=N" branches first, "other" last).
 * DramaWords.apply(root) sets the words of the page's static elements:
 * data-msg (text), data-msg-label (aria-label). setLocale(tag) makes the
 * catalogue that tag resolves to (locale.js: DramaLocale.catalogueFor) the
 * active one; a key missing there is English.
 */
(function (root) {
  "use strict";

  const node = typeof module === "object" && module && module.exports;
  const catalogues = node ? require("./generated/messages.js") : root.DramaMessages;
  if (!catalogues || !catalogues.en) throw new Error("words.js needs generated/messages.js loaded before it");
  const fill = node ? require("./text.js").fill : root.DramaText.fill;
  const has = (obj, key) => Object.prototype.hasOwnProperty.call(obj, key);
  const PLURAL = /\{\s*([a-z_][a-z0-9_]*)\s*,\s*plural\s*,/;
  const BRANCH = /^\s*(=\d+|zero|one|two|few|many|other)\s*\{/;

  let active = "en";
  let current = catalogues.en;

  /** The catalogue `locale` names ("zh-CN" -> zh-CN, else its language, else en): its name. */
  function resolve(locale) {
    const tag = typeof locale === "string" ? locale : "";
    const negotiate = root.DramaLocale && root.DramaLocale.catalogueFor;
    const found = negotiate ? negotiate(tag, catalogues) : [tag, tag.split("-")[0]].find((t) => t && has(catalogues, t));
    return found || "en";
  }

  /** Use the catalogue of `locale` (see resolve). Returns the catalogue's name. */
  function setLocale(locale) {
    active = resolve(locale);
    current = catalogues[active];
    return active;
  }

  /** The name of the active catalogue ("en", "zh-CN"...). */
  function locale() {
    return active;
  }

  /** Index just after the "}" that closes the "{" before `start` (-1 if unbalanced). */
  function closing(text, start) {
    let depth = 1;
    for (let i = start; i < text.length; i += 1) {
      if (text[i] === "{") depth += 1;
      else if (text[i] === "}" && --depth === 0) return i + 1;
    }
    return -1;
  }

  /** `text` with its plural part (if any) replaced by the branch for values[name]; null if malformed. */
  function plural(text, values, tag) {
    const m = PLURAL.exec(text);
    if (!m) return text;
    const branches = new Map();
    let i = m.index + m[0].length;
    for (;;) {
      const rest = text.slice(i);
      if (/^\s*\}/.test(rest)) {
        i += rest.indexOf("}") + 1;
        break;
      }
      const b = BRANCH.exec(rest);
      if (!b) return null;
      const bodyStart = i + b[0].length;
      const end = closing(text, bodyStart);
      if (end < 0) return null;
      branches.set(b[1], text.slice(bodyStart, end - 1));
      i = end;
    }
    if (!branches.has("other")) return null;
    const n = values ? values[m[1]] : undefined;
    let body = branches.get("other");
    if (typeof n === "number" && Number.isFinite(n)) {
      let category = "other";
      try {
        category = new Intl.PluralRules(tag).select(n);
      } catch (err) {
        category = "other";
      }
      body = branches.get("=" + n) || branches.get(category) || body;
      body = body.replace(/#/g, new Intl.NumberFormat(tag).format(n));
    }
    return text.slice(0, m.index) + body + text.slice(i);
  }

  /**
   * One message, `values` filling its {names} (numbers are written in the active locale). An
   * unknown key is a player bug: it is logged as an error (the tests fail on any) and the key
   * itself is shown, the page goes on.
   */
  function word(key, values) {
    const text = has(current, key) ? current[key] : has(catalogues.en, key) ? catalogues.en[key] : null;
    if (text === null) {
      if (root.console) root.console.error("no message '" + key + "' in messages/en.json");
      return String(key);
    }
    return format(text, values, active);
  }

  /** A message's text with its plural part chosen and its {names} filled, in locale `tag`. */
  function format(message, values, tag) {
    const chosen = plural(message, values, tag);
    const text = chosen === null ? message : chosen;
    if (!values) return text;
    const strings = {};
    for (const name of Object.keys(values)) {
      const v = values[name];
      strings[name] = typeof v === "number" ? new Intl.NumberFormat(tag).format(v) : v;
    }
    return fill(text, strings);
  }

  /** Set the words of the static elements under `scope` (data-msg, data-msg-label). */
  function apply(scope) {
    for (const el of scope.querySelectorAll("[data-msg]")) el.textContent = word(el.dataset.msg);
    for (const el of scope.querySelectorAll("[data-msg-label]")) el.setAttribute("aria-label", word(el.dataset.msgLabel));
  }

  const api = { word, format, apply, setLocale, locale, resolve, catalogues };
  if (node) module.exports = api;
  else root.DramaWords = api;
})(typeof globalThis !== "undefined" ? globalThis : this);
