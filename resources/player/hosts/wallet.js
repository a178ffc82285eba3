/*
 * Example wallet host (docs/host-integration.md). Open it as
 *   wallet.html?player=<URL of player/index.html>[&balance=<minor units>]
 * The player's bundle must list this page's origin in manifest.host_origins
 * (studio export ... --web-player --host-origin <this origin>).
 *
 * It embeds the player, executes deposits against a balance following the
 * host rules exactly, confirms or refuses each one, and shows its ledger
 * (reversals included). A real wallet does the same on its server, with the
 * player's origin written in its code rather than taken from the URL.
 */
"use strict";

const params = new URLSearchParams(location.search);
const playerUrl = new URL(params.get("player") || "../index.html", location.href);
const PLAYER_ORIGIN = playerUrl.origin; // the only origin we accept events from
const frame = document.getElementById("player");
const $ = (id) => document.getElementById(id);

/* ---- the ledger: deposit_id -> entry, persisted (keep entries at least 25 h) ---- */

const LEDGER_KEY = "example-wallet:" + PLAYER_ORIGIN;
const KEEP_MS = 48 * 3600 * 1000;

function loadWallet() {
  try {
    const saved = JSON.parse(localStorage.getItem(LEDGER_KEY));
    if (saved && Number.isInteger(saved.balance) && saved.ledger) return saved;
  } catch (err) {
    // no storage, or damaged: start afresh
  }
  const balance = Number.parseInt(params.get("balance") || "100000", 10);
  return { balance: Number.isInteger(balance) && balance >= 0 ? balance : 100000, ledger: {} };
}

const wallet = loadWallet();
for (const [id, entry] of Object.entries(wallet.ledger)) {
  if (Date.now() - entry.at > KEEP_MS) delete wallet.ledger[id];
}

function saveWallet() {
  try {
    localStorage.setItem(LEDGER_KEY, JSON.stringify(wallet));
  } catch (err) {
    // a demo without storage still works until reload
  }
  render();
}

/* ---- talking to the player ---- */

function send(command) {
  const message = { source: "drama-studio-host", contract: 2, command };
  frame.contentWindow.postMessage(message, PLAYER_ORIGIN); // never "*"
}

function answer(id) {
  const entry = wallet.ledger[id];
  send({ type: "deposit_result", deposit_id: id, ok: entry.state === "done", reason: entry.reason });
}

window.addEventListener("message", (e) => {
  // Only our own player frame, from the player's origin, in the player's envelope.
  if (e.source !== frame.contentWindow || e.origin !== PLAYER_ORIGIN) return;
  const m = e.data;
  if (!m || m.source !== "drama-studio-player" || m.contract !== 2 || !m.event) return;
  const event = m.event;
  if (event.type === "deposit_requested") onRequested(event);
  else if (event.type === "deposit_cancelled") onCancelled(event);
  else if (event.type === "player_ready") $("status").textContent = "Player ready (" + event.mode + " mode).";
  // deposit_simulated and every other event: no money moves.
});

/* ---- the host rules ---- */

function onRequested(e) {
  const entry = wallet.ledger[e.deposit_id];
  if (entry) {
    // Seen before: move NO money. Cancelled: ignore. Otherwise answer the stored outcome again.
    if (entry.state === "cancelled" || entry.state === "held") return;
    if (entry.goal !== e.goal || entry.amount !== e.amount) {
      send({ type: "deposit_result", deposit_id: e.deposit_id, ok: false, reason: "conflict" });
      return;
    }
    answer(e.deposit_id);
    return;
  }
  wallet.ledger[e.deposit_id] = {
    goal: e.goal, amount: e.amount, currency: e.currency, state: "held", reason: null, executed: false, at: Date.now(),
  };
  if ($("auto").checked) decide(e.deposit_id, true);
  else saveWallet(); // waits for the Confirm / Refuse buttons of its ledger row
}

/** Execute (if `ok` and the balance allows) or refuse a held deposit, then answer. */
function decide(id, ok) {
  const entry = wallet.ledger[id];
  if (!entry || entry.state !== "held") return;
  if (!ok) {
    Object.assign(entry, { state: "refused", reason: "refused" });
  } else if (entry.amount > wallet.balance) {
    Object.assign(entry, { state: "refused", reason: "insufficient_balance" });
  } else {
    wallet.balance -= entry.amount; // the money moves here (a real wallet: its payment order)
    Object.assign(entry, { state: "done", executed: true });
  }
  saveWallet();
  answer(id);
}

function onCancelled(e) {
  const entry = wallet.ledger[e.deposit_id];
  if (!entry) {
    // Delivered before its request (reordered): a tombstone, so a late request is ignored.
    wallet.ledger[e.deposit_id] = { goal: e.goal, amount: e.amount, state: "cancelled", executed: false, at: Date.now() };
  } else {
    if (entry.executed) {
      wallet.balance += entry.amount; // reversal: the money goes back
      entry.executed = false;
      entry.reversed = true;
    }
    entry.state = "cancelled";
  }
  saveWallet();
}

/* ---- the page ---- */

function money(amount, currency) {
  const digits = new Intl.NumberFormat("en", { style: "currency", currency: currency || "CNY" })
    .resolvedOptions().maximumFractionDigits;
  const unit = 10 ** digits; // integer minor units: whole and fraction by integer arithmetic
  const whole = Math.trunc(Math.abs(amount) / unit);
  const frac = digits ? "." + String(Math.abs(amount) % unit).padStart(digits, "0") : "";
  return (amount < 0 ? "-" : "") + (currency || "CNY") + " " + whole + frac;
}

function cell(text) {
  const td = document.createElement("td");
  td.textContent = text; // event data is text, never markup
  return td;
}

function render() {
  $("balance").textContent = money(wallet.balance, "CNY");
  const rows = Object.entries(wallet.ledger).map(([id, entry]) => {
    const tr = document.createElement("tr");
    tr.dataset.deposit = id;
    tr.dataset.state = entry.state;
    const status = entry.reversed ? "reversed (money back)" : entry.state === "refused" ? "refused: " + entry.reason
      : { done: "executed", held: "waiting for you", cancelled: "cancelled" }[entry.state];
    tr.append(cell(id), cell(entry.goal), cell(money(entry.amount, entry.currency)), cell(status));
    const actions = document.createElement("td");
    if (entry.state === "held") {
      for (const [label, ok] of [["Confirm", true], ["Refuse", false]]) {
        const button = document.createElement("button");
        button.type = "button";
        button.textContent = label;
        button.addEventListener("click", () => decide(id, ok));
        actions.append(button);
      }
    }
    tr.append(actions);
    return tr;
  });
  $("ledger").replaceChildren(...rows);
}

/** What moved, for your console (and the tests): goal -> executed total, and the balance. */
window.walletSnapshot = () => {
  const net = {};
  for (const entry of Object.values(wallet.ledger)) {
    if (entry.executed) net[entry.goal] = (net[entry.goal] || 0) + entry.amount;
  }
  return { balance: wallet.balance, net, ledger: JSON.parse(JSON.stringify(wallet.ledger)) };
};

$("pause").addEventListener("click", () => send({ type: "pause" }));
$("resume").addEventListener("click", () => send({ type: "resume" }));
$("timers").addEventListener("change", (e) => send({ type: "set_timers", timers: e.target.value }));
$("reset").addEventListener("click", () => {
  localStorage.removeItem(LEDGER_KEY);
  location.reload();
});

render();
frame.src = playerUrl.href;
