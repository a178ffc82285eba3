/*
 * Example shop host (docs/host-integration.md). Open it as
 *   shop.html?player=<URL of player/index.html>
 * with this page's origin in the bundle's manifest.host_origins.
 *
 * On product_clicked it pauses the story and opens the product's card; closing
 * the card resumes the story. A shop moves no money: it refuses every deposit
 * (a drama with savings prompts then tells the viewer "Couldn't save: ..."),
 * which keeps the host rules trivially (nothing executed, nothing to reverse).
 */
"use strict";

const params = new URLSearchParams(location.search);
const playerUrl = new URL(params.get("player") || "../index.html", location.href);
const PLAYER_ORIGIN = playerUrl.origin;
const frame = document.getElementById("player");
const $ = (id) => document.getElementById(id);
const cancelled = new Set(); // deposit ids the player took back: never answered again

function send(command) {
  frame.contentWindow.postMessage({ source: "drama-studio-host", contract: 2, command }, PLAYER_ORIGIN);
}

window.addEventListener("message", (e) => {
  if (e.source !== frame.contentWindow || e.origin !== PLAYER_ORIGIN) return;
  const m = e.data;
  if (!m || m.source !== "drama-studio-player" || m.contract !== 2 || !m.event) return;
  const event = m.event;
  if (event.type === "product_clicked") openProduct(event);
  else if (event.type === "deposit_cancelled") cancelled.add(event.deposit_id);
  else if (event.type === "deposit_requested" && !cancelled.has(event.deposit_id)) {
    send({ type: "deposit_result", deposit_id: event.deposit_id, ok: false, reason: "This shop does not handle savings" });
  }
});

function price(amount, currency) {
  if (amount === null) return "";
  const digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits;
  const unit = 10 ** digits;
  return currency + " " + Math.trunc(amount / unit) + (digits ? "." + String(amount % unit).padStart(digits, "0") : "");
}

function openProduct(event) {
  send({ type: "pause" }); // the story waits while the viewer looks at the product
  $("product-name").textContent = event.name; // text, never markup
  $("product-price").textContent = price(event.price, event.currency);
  $("product-sku").textContent = "SKU " + event.sku;
  const link = $("product-link");
  const safe = typeof event.url === "string" && event.url.startsWith("https://");
  link.hidden = !safe;
  if (safe) link.href = event.url;
  else link.removeAttribute("href");
  $("product").hidden = false;
  const item = document.createElement("li");
  item.textContent = event.name;
  $("history").append(item);
}

$("product-close").addEventListener("click", () => {
  $("product").hidden = true;
  send({ type: "resume" });
});

frame.src = playerUrl.href;
