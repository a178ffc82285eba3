/*
 * Author text as the viewer reads it: placeholders filled, money in the
 * drama's locale.
 *
 * Author text (prompt text, option labels, tag calls to action, ending title
 * and text) may hold {amount}, {goal}, {product}, {price}; "{{" and "}}" are
 * literal braces. The engine's events carry the text as written (the
 * contract); the presentation fills it. Same grammar and values as
 * studio/model/placeholders.py (fill, format_amount) and the studio's
 * playthrough (studio/app/playthrough_view.py); tests/player/test_text_parity.py
 * compares them in Chromium.
 *
 * Money: integer minor units -> an exact decimal string (no float division),
 * formatted by Intl.NumberFormat (style currency) in the drama's locale with
 * the ISO 4217 minor-unit digits of generated/tables.js. An unknown locale
 * falls back to its language, then "en" (as Babel's lookup does).
 */
(function (root) {
  "use strict";

  const node = typeof module === "object" && module && module.exports;
  const tables = node ? require("./generated/tables.js") : root.DramaTables;
  if (!tables) throw new Error("text.js needs generated/tables.js loaded before it");
  const { MINOR_UNITS } = tables;

  const TOKEN = /\{\{|\}\}|\{([^{}]*)\}|[{}]/g;
  const has = (obj, key) => obj !== null && obj !== undefined && Object.prototype.hasOwnProperty.call(obj, key);

  /** `text` with its placeholders replaced; an unknown or valueless one stays as written. */
  function fill(text, values) {
    if (typeof text !== "string") return "";
    const vals = values || {};
    return text.replace(TOKEN, (token, name) => {
      if (token === "{{") return "{";
      if (token === "}}") return "}";
      if (name !== undefined && has(vals, name) && typeof vals[name] === "string") return vals[name];
      return token;
    });
  }

  /** Decimal places of a currency's minor unit (2 for an unknown code). */
  function places(currency) {
    return has(MINOR_UNITS, currency) ? MINOR_UNITS[currency] : 2;
  }

  /** Integer minor units as an exact decimal string: (123456, 2) -> "1234.56", (-5, 3) -> "-0.005". */
  function decimalString(amount, digits) {
    const sign = amount < 0 ? "-" : "";
    const text = String(Math.abs(amount)).padStart(digits + 1, "0");
    if (!digits) return sign + text;
    return sign + text.slice(0, text.length - digits) + "." + text.slice(text.length - digits);
  }

  /** The first of `locale`, its language, "en" that this browser has data for. */
  function resolveLocale(locale) {
    const tag = typeof locale === "string" ? locale : "";
    for (const candidate of [tag, tag.split("-")[0], "en"]) {
      if (!candidate) continue;
      try {
        if (Intl.NumberFormat.supportedLocalesOf([candidate]).length > 0) return candidate;
      } catch (err) {
        // not a well-formed tag: try the next one
      }
    }
    return "en";
  }

  const formatters = new Map();

  function formatter(currency, locale) {
    const key = currency + "\u0000" + locale;
    if (formatters.has(key)) return formatters.get(key);
    const digits = places(currency);
    let made = null;
    try {
      made = new Intl.NumberFormat(resolveLocale(locale), {
        style: "currency",
        currency,
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      });
    } catch (err) {
      made = null; // not a currency code Intl knows: plain "CODE 1.00" below
    }
    formatters.set(key, made);
    return made;
  }

  /**
   * Integer minor units as the locale writes money: (2000, "CNY", "zh-CN") -> "¥20.00".
   * The exact decimal string goes to Intl (read as a decimal, not a float, where
   * the engine supports it; a safe integer with at most 3 places round-trips anyway).
   */
  function formatAmount(amount, currency, locale) {
    if (typeof amount !== "number" || !Number.isSafeInteger(amount)) return "";
    const digits = places(currency);
    const exact = decimalString(amount, digits);
    const f = formatter(currency, locale);
    return f ? f.format(exact) : currency + "\u00a0" + exact;
  }

  /**
   * Fills a drama's author text: `drama` the normalised drama (locale, currency,
   * goals, products). Each kind of text gets only the values its place knows
   * (studio/model/placeholders.py ALLOWED).
   */
  class Filler {
    constructor(drama) {
      this.locale = drama.locale || "zh-CN";
      this.currency = drama.currency || "CNY";
      this.goals = new Map((drama.goals || []).map((g) => [g.id, g]));
      this.products = new Map((drama.products || []).map((p) => [p.id, p]));
    }

    money(amount, currency) {
      return formatAmount(amount, currency || this.currency, this.locale);
    }

    goalName(id) {
      const goal = this.goals.get(id);
      return goal ? goal.name : String(id);
    }

    /** A savings prompt's text ({amount} {goal}). */
    prompt(prompt) {
      return fill(prompt.text, { amount: this.money(prompt.amount), goal: this.goalName(prompt.goal) });
    }

    /** An option's label ({amount} {goal} of its deposit; nothing without one). */
    option(option) {
      const d = option.deposit;
      return fill(option.label, d ? { amount: this.money(d.amount), goal: this.goalName(d.goal) } : {});
    }

    /** "+¥200.00" for a deposit option that shows its amount, else "". */
    badge(option) {
      const d = option.deposit;
      return d && option.show_amount !== false ? "+" + this.money(d.amount) : "";
    }

    /** A tag's call to action ({product} {price}); `fallback` when it has none. */
    tag(tag, fallback) {
      const product = this.products.get(tag.product);
      const values = {};
      if (product) {
        values.product = product.name;
        if (typeof product.price === "number") values.price = this.money(product.price, product.currency);
      }
      const cta = typeof tag.cta === "string" && tag.cta.trim() !== "" ? tag.cta : fallback;
      return fill(cta, values);
    }

    /** An ending's title or text (no placeholder has a value there: only braces unescape). */
    ending(text) {
      return typeof text === "string" && text.trim() !== "" ? fill(text, {}) : "";
    }
  }

  const api = { fill, formatAmount, decimalString, resolveLocale, places, Filler };
  if (node) module.exports = api;
  else root.DramaText = api;
})(typeof globalThis !== "undefined" ? globalThis : this);
