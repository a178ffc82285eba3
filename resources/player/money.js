/*
 * Money display for the web player: integer minor units -> text.
 *
 * Mirrors studio/model/currency.py format_money: pure integer arithmetic, the
 * ISO 4217 minor-unit exponent of the currency (CNY 2, JPY 0, KWD 3...), a
 * symbol for common codes and "CODE " otherwise. No float touches an amount.
 * The table and the symbols come from generated/tables.js.
 */
(function (root) {
  "use strict";

  // The minor-unit table and the symbols of studio/model/currency.py, generated into
  // generated/tables.js (scripts/gen_player_tables.py), which is loaded before this file.
  const node = typeof module === "object" && module && module.exports;
  const tables = node ? require("./generated/tables.js") : root.DramaTables;
  if (!tables) throw new Error("money.js needs generated/tables.js loaded before it");
  const { MINOR_UNITS, SYMBOLS } = tables;

  function groupThousands(digits) {
    let out = "";
    for (let i = 0; i < digits.length; i++) {
      if (i > 0 && (digits.length - i) % 3 === 0) out += ",";
      out += digits[i];
    }
    return out;
  }

  /** Format integer minor units, e.g. (1250, "CNY") -> "¥12.50", (500, "JPY") -> "¥500". */
  function formatMoney(amount, currency) {
    if (typeof amount !== "number" || !Number.isInteger(amount)) return "";
    const places = Object.prototype.hasOwnProperty.call(MINOR_UNITS, currency) ? MINOR_UNITS[currency] : 2;
    const sign = amount < 0 ? "-" : "";
    const digits = String(Math.abs(amount)).padStart(places + 1, "0");
    const whole = digits.slice(0, digits.length - places);
    const frac = places ? digits.slice(digits.length - places) : "";
    const symbol = Object.prototype.hasOwnProperty.call(SYMBOLS, currency) ? SYMBOLS[currency] : currency + " ";
    return sign + symbol + groupThousands(whole) + (places ? "." + frac : "");
  }

  const api = { formatMoney, MINOR_UNITS, SYMBOLS };
  if (node) module.exports = api;
  else root.DramaMoney = api;
})(typeof globalThis !== "undefined" ? globalThis : this);
