/*
 * The viewer vocabulary: every fixed word the player shows or says that is
 * not author text ("Save it", "Not now", "Watch again"...), from the shared
 * message catalogue resources/player/messages/<locale>.json (the studio reads
 * the same file through studio.l10n.vocabulary.word). The catalogues come in
 * as generated/messages.js (scripts/gen_player_messages.py), a script and not
 * a fetch, so that a bundle works from a static server and from an app's
 * local storage alike.
 *
 * DramaWords.word(key, values) is one message with its {names} filled;
 * DramaWords.apply(root) sets the words of the page's static elements:
 * data-msg (text), data-msg-label (aria-label). setLocale picks the drama's
 * catalogue (its language, else English); a key missing there is English.
 */
(function (root) {
  "use strict";

  const node = typeof module === "object" && module && module.exports;
  const catalogues = node ? require("./generated/messages.js") : root.DramaMessages;
  if (!catalogues || !catalogues.en) throw new Error("words.js needs generated/messages.js loaded before it");
  const fill = node ? require("./text.js").fill : root.DramaText.fill;
  const has = (obj, key) => Object.prototype.hasOwnProperty.call(obj, key);

  let current = catalogues.en;

  /** Use the catalogue of `locale` ("zh-CN" -> zh-CN, else zh, else en). */
  function setLocale(locale) {
    const tag = typeof locale === "string" ? locale : "";
    const found = [tag, tag.split("-")[0]].find((t) => t && has(catalogues, t));
    current = found ? catalogues[found] : catalogues.en;
  }

  /**
   * One message, `values` filling its {names}. An unknown key is a player bug: it is logged as
   * an error (the tests fail on any) and the key itself is shown, the page goes on.
   */
  function word(key, values) {
    let text = has(current, key) ? current[key] : has(catalogues.en, key) ? catalogues.en[key] : null;
    if (text === null) {
      if (root.console) root.console.error("no message '" + key + "' in messages/en.json");
      text = String(key);
    }
    return values ? fill(text, values) : text;
  }

  /** Set the words of the static elements under `scope` (data-msg, data-msg-label). */
  function apply(scope) {
    for (const el of scope.querySelectorAll("[data-msg]")) el.textContent = word(el.dataset.msg);
    for (const el of scope.querySelectorAll("[data-msg-label]")) el.setAttribute("aria-label", word(el.dataset.msgLabel));
  }

  const api = { word, apply, setLocale, catalogues };
  if (node) module.exports = api;
  else root.DramaWords = api;
})(typeof globalThis !== "undefined" ? globalThis : this);
