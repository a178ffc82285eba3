/*
 * The drama's own text in the viewer's language (docs/localisation-player.md,
 * "The drama's text"): a project may hold translations of its author text
 * (`target_locales`, `translations`: docs/localisation.md, studio/model/texts.py).
 *
 * The text locale is the words' locale (locale.js) when the drama has it as a
 * target, else the drama's source `locale`. Per text (key as
 * studio.model.texts.source_texts makes it): the translation for that locale
 * when one is held whose `source_sha` is the SHA-256 of the current source
 * text, else the source (a stale translation is not shown). The hash is
 * computed here, synchronously (crypto.subtle is asynchronous and missing
 * outside secure contexts, e.g. an app WebView on a custom scheme).
 *
 * The engine keeps the source drama (its events carry the source text); the
 * Player draws from `shown`, a copy of the drama with each text chosen, and
 * fills placeholders afterwards (text.js). `retext` (mixed into the Player)
 * rebuilds the copy and redraws what is visible; locale.js calls it after a
 * host's set_locale.
 */
(function (root) {
  "use strict";

  const K = new Uint32Array([
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
  ]);

  /** SHA-256 (hex) of `text` as UTF-8: studio.model.texts.source_sha. */
  function sha256(text) {
    const bytes = new TextEncoder().encode(String(text));
    const padded = new Uint8Array(((bytes.length + 72) >> 6) << 6);
    padded.set(bytes);
    padded[bytes.length] = 0x80;
    const view = new DataView(padded.buffer);
    view.setUint32(padded.length - 8, Math.floor(bytes.length / 0x20000000));
    view.setUint32(padded.length - 4, (bytes.length << 3) >>> 0);
    const h = new Uint32Array([
      0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    ]);
    const w = new Uint32Array(64);
    const rotr = (x, n) => (x >>> n) | (x << (32 - n));
    for (let off = 0; off < padded.length; off += 64) {
      for (let i = 0; i < 16; i++) w[i] = view.getUint32(off + i * 4);
      for (let i = 16; i < 64; i++) {
        const s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >>> 3);
        const s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >>> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
      }
      let [a, b, c, d, e, f, g, k] = h;
      for (let i = 0; i < 64; i++) {
        const t1 = k + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i];
        const t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
        [k, g, f, e, d, c, b, a] = [g, f, e, (d + t1) >>> 0, c, b, a, (t1 + t2) >>> 0];
      }
      [a, b, c, d, e, f, g, k].forEach((x, i) => {
        h[i] = h[i] + x;
      });
    }
    return Array.from(h, (x) => x.toString(16).padStart(8, "0")).join("");
  }

  /**
   * Every author text of a (normalised) drama as [key, object, field], in
   * studio.model.texts.source_texts' order: the text is object[field].
   */
  function slots(drama) {
    const out = [["project/title", drama, "title"]];
    for (const g of drama.goals || []) out.push(["goal/" + g.id + "/name", g, "name"]);
    for (const p of drama.products || []) out.push(["product/" + p.id + "/name", p, "name"]);
    for (const s of drama.scenes || []) {
      const base = "scene/" + s.id;
      out.push([base + "/title", s, "title"]);
      for (const o of s.choice ? s.choice.options : []) out.push([base + "/option/" + o.id + "/label", o, "label"]);
      for (const p of s.prompts || []) out.push([base + "/prompt/" + p.id + "/text", p, "text"]);
      for (const t of s.tags || []) out.push([base + "/tag/" + t.id + "/cta", t, "cta"]);
      if (typeof s.ending_title === "string") out.push([base + "/ending_title", s, "ending_title"]);
      if (typeof s.ending_text === "string") out.push([base + "/ending_text", s, "ending_text"]);
    }
    return out;
  }

  /** [[key, text], ...]: the drama's author texts (the parity test compares them with Python's). */
  function texts(drama) {
    return slots(drama).map(([key, obj, field]) => [key, obj[field]]);
  }

  const same = (a, b) => typeof a === "string" && typeof b === "string" && a.toLowerCase() === b.toLowerCase();

  /** The drama's text locale for the words' locale `words`: a target it serves, else the source. */
  function activeLocale(drama, words) {
    const targets = Array.isArray(drama.target_locales) ? drama.target_locales : [];
    if (same(words, drama.locale)) return drama.locale;
    const exact = targets.find((t) => same(t, words));
    if (exact) return exact;
    const cats = root.DramaWords ? root.DramaWords.catalogues : {};
    const served = targets.find((t) => root.DramaLocale && root.DramaLocale.catalogueFor(t, cats) === words);
    return served || drama.locale;
  }

  /** A copy of `drama` with each author text in `locale` (the translation when current, else the source). */
  function localise(drama, locale) {
    const copy = JSON.parse(JSON.stringify(drama));
    if (locale === drama.locale) return copy;
    const held = (drama.translations || []).find((t) => t && t.locale === locale);
    const byKey = new Map((held && Array.isArray(held.texts) ? held.texts : []).map((t) => [t.key, t]));
    const done = new Set();
    for (const [key, obj, field] of slots(copy)) {
      if (done.has(key)) continue; // a duplicate id: the first text of a key (texts.source_map)
      done.add(key);
      const tr = byKey.get(key);
      if (tr && typeof tr.text === "string" && tr.source_sha === sha256(obj[field])) obj[field] = tr.text;
    }
    return copy;
  }

  let active = null;

  /** Mixed into the Player: draw from the drama's text in the active locale. */
  const Mixin = {
    /** Choose the texts for the words' locale now, and redraw what is visible with them. */
    retext() {
      const d = this.drama;
      const current = root.DramaLocale.current();
      active = activeLocale(d, current ? current.words : d.locale);
      const shown = localise(d, active);
      this.shown = shown;
      this.scenes = new Map(shown.scenes.map((s) => [s.id, s]));
      this.goals = (shown.goals || []).slice();
      this.goalMap = new Map(this.goals.map((g) => [g.id, g]));
      this.products = new Map((shown.products || []).map((p) => [p.id, p]));
      const money = this.text ? this.text.locale : null;
      this.view.setDrama(shown);
      this.text = this.view.text;
      if (money) this.text.locale = money;
      root.document.title = shown.title;
      root.document.getElementById("title").textContent = shown.title;
      this.storyboard.retitle(this.scenes);
      this.view.tagKey = "\u0001"; // the tags are drawn again by the next render
      this.view.retextProduct(this.products, this.scenes);
      if (this.money) this.money.retext(this.goalMap);
      if (this.lastEnding && this.engine && this.engine.ended) this.showEnding(this.lastEnding, false);
    },

    /** The prompt of a prompt_shown event as shown (its text in the active locale). */
    shownPrompt(e) {
      const scene = this.scenes.get(e.scene);
      return (scene && scene.prompts.find((p) => p.id === e.prompt)) || e;
    },
  };

  root.DramaAuthorText = { sha256, slots, texts, activeLocale, localise, Mixin, current: () => active };
  if (root.DramaText) {
    // DramaText.activeLocale: the drama's text locale now (null before the drama is set up).
    Object.defineProperty(root.DramaText, "activeLocale", { get: () => active, enumerable: true });
  }
})(typeof globalThis !== "undefined" ? globalThis : this);
