/*
 * The host bridge suite, for browsers Playwright does not drive here: headless
 * Firefox (Debian's firefox-esr) over WebDriver BiDi with puppeteer-core (and
 * Chromium over CDP, to check the suite itself). Run by
 * tests/player/test_bridge_firefox.py, which serves the three origins of
 * tests/player/sites.py and passes their addresses:
 *
 *   node bridge_suite.js '{"browser": "firefox", "executablePath": "/usr/bin/firefox-esr",
 *                          "player": "http://127.0.0.1:P", "host": "...", "other": "..."}'
 *
 * Prints the browser's version ("# firefox/..."), one line per scenario ("ok
 * NAME" / "not ok NAME: why") and a last line "N passed, M failed"; exits 1
 * if any failed.
 */
"use strict";

const assert = require("node:assert/strict");
const puppeteer = require("puppeteer-core");

const config = JSON.parse(process.argv[2]);
const TIMEOUT = 30000;
const GOAL = "Dream trip to Yunnan";

/* ---- pages ---- */

const COLLECT = () => {
  window.__dramaEvents = [];
  window.__rejected = [];
  window.__messages = [];
  const types = [
    "playthrough_started", "scene_started", "effects_applied", "choice_shown", "choice_made", "prompt_shown",
    "prompt_accepted", "prompt_declined", "deposit_requested", "deposit_confirmed", "deposit_refused",
    "deposit_cancelled", "deposit_simulated", "product_tag_shown", "product_tag_hidden", "product_clicked",
    "scene_looped", "paused_for_choice", "timers_changed", "went_back", "ending_reached",
  ];
  for (const type of types) window.addEventListener("drama:" + type, (e) => window.__dramaEvents.push(e.detail));
  window.addEventListener("drama:bridge_rejected", (e) => window.__rejected.push(e.detail));
  window.addEventListener("message", (e) => window.__messages.push({ origin: e.origin, data: e.data }));
};

// Clips play 4x faster; choice timers off (the story waits): short and deterministic.
const FAST = () => {
  const play = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = function () {
    this.defaultPlaybackRate = 4;
    this.playbackRate = 4;
    return play.call(this);
  };
  try {
    if (!sessionStorage.getItem("timers-set")) {
      localStorage.setItem("drama-studio-player:timers", '"off"');
      sessionStorage.setItem("timers-set", "1");
    }
  } catch (err) {
    // opaque origins have no storage
  }
};

const IOS = () => {
  if (window.top !== window) return;
  window.__native = [];
  window.webkit = { messageHandlers: { dramaHost: { postMessage: (m) => window.__native.push(m) } } };
};

const ANDROID = () => {
  if (window.top !== window) return;
  window.__native = [];
  window.DramaHost = { postMessage: (text) => window.__native.push(text) };
};

// Firefox logs, in the player frame, each message it refuses to deliver to a parent whose origin
// is not the one the player addressed: on a page that is not allowed, that is the point.
const REFUSED_DELIVERY = /does not match the recipient window.s origin/;

const bundle = (name) => `${config.player}/${name}/player/index.html`;
const wallet = (query) => `${config.host}/wallet.html?player=${bundle("bank")}${query || ""}`;
const framer = () => `${config.other}/framer.html?player=${bundle("bank")}`;

/** A page in a context of its own (fresh storage: no resume card from another page). */
async function newPage(contexts, scripts, width) {
  const context = await contexts.browser.createBrowserContext();
  contexts.push(context);
  const page = await context.newPage();
  await page.setViewport({ width: width || 910, height: 844 });
  const errors = [];
  page.on("pageerror", (err) => errors.push(String(err)));
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(msg.text());
  });
  page.errors = errors;
  for (const script of [COLLECT, ...scripts]) await page.evaluateOnNewDocument(script);
  return page;
}

/** The player's frame in a host page (or the page itself), once its engine runs. */
async function playerFrame(page, topLevel) {
  let frame = null;
  for (let i = 0; i < TIMEOUT / 50 && !frame; i++) {
    frame = topLevel
      ? page.mainFrame()
      : page.frames().find((f) => f !== page.mainFrame() && new URL(f.url()).pathname.endsWith("/player/index.html"));
    if (!frame) await new Promise((done) => setTimeout(done, 50));
  }
  assert.ok(frame, "the player frame never appeared");
  try {
    await frame.waitForFunction(() => window.dramaPlayer && window.dramaPlayer.engine && window.dramaPlayer.engine.started, {
      timeout: TIMEOUT,
      polling: 50,
    });
  } catch (err) {
    const state = await frame
      .evaluate(() => [location.href, document.readyState, typeof window.dramaPlayer, (document.getElementById("status") || {}).textContent])
      .catch((e) => String(e));
    throw new Error("the player did not start: " + JSON.stringify(state) + " " + page.errors.join(" / "));
  }
  return frame;
}

const events = (frame, kind) => frame.evaluate((k) => window.__dramaEvents.filter((e) => !k || e.type === k), kind || null);

async function waitEvent(frame, kind, count) {
  await frame.waitForFunction(
    (k, n) => window.__dramaEvents.filter((e) => e.type === k).length >= n,
    { timeout: TIMEOUT, polling: 50 },
    kind,
    count || 1
  );
  return (await events(frame, kind))[(count || 1) - 1];
}

async function click(frame, selector) {
  const handle = await frame.waitForSelector(selector, { visible: true, timeout: TIMEOUT });
  await handle.click();
}

async function waitRow(frame, status) {
  await frame.waitForFunction(
    (s) => [...document.querySelectorAll("#savings-list .savings-status")].some((n) => n.textContent === s),
    { timeout: TIMEOUT, polling: 50 },
    status
  );
}

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
const cmd = (type, fields) => ({ source: "drama-studio-host", contract: 2, command: Object.assign({ type }, fields) });

/* ---- scenarios ---- */

// Each scenario opens its pages (each in a fresh browser context) and returns those whose
// console and page errors must be none.
const scenarios = {};

scenarios.events_reach_only_the_allowed_origin = async (contexts) => {
  const page = await newPage(contexts, [FAST]);
  await page.goto(wallet());
  const frame = await playerFrame(page);
  await click(frame, "#prompt-decline");
  await waitEvent(frame, "choice_shown");
  const got = (await page.evaluate(() => window.__messages)).filter((m) => m.origin === config.player);
  assert.equal(got[0].data.event.type, "player_ready");
  assert.deepEqual(
    got.slice(1).map((m) => m.data.event),
    (await events(frame)).slice(0, got.length - 1)
  );
  const other = await newPage(contexts, [FAST], 390);
  other.expected = REFUSED_DELIVERY;
  await other.goto(framer());
  const framed = await playerFrame(other);
  await click(framed, "#prompt-decline");
  await waitEvent(framed, "choice_shown");
  assert.deepEqual(await other.evaluate(() => window.__messages), []);
  return [page, other];
};

scenarios.commands_from_a_wrong_origin_or_window_are_rejected = async (contexts) => {
  const other = await newPage(contexts, [], 390);
  other.expected = REFUSED_DELIVERY;
  await other.goto(framer());
  const framed = await playerFrame(other);
  await other.evaluate((m) => document.getElementById("player").contentWindow.postMessage(m, "*"), cmd("pause"));
  await framed.waitForFunction(() => window.__rejected.length >= 1, { timeout: TIMEOUT, polling: 50 });
  assert.deepEqual(await framed.evaluate(() => window.__rejected), [{ reason: "origin", count: 1 }]);
  assert.equal(await framed.evaluate(() => window.dramaPlayer.hostPaused), false);

  const page = await newPage(contexts, []);
  await page.goto(wallet());
  const frame = await playerFrame(page);
  await frame.evaluate((m) => window.postMessage(m, "*"), cmd("pause")); // not from the parent
  const bad = [Object.assign(cmd("pause"), { contract: 1 }), cmd("explode"), "{not json", cmd("set_timers", { timers: "x3" })];
  await page.evaluate((list) => {
    for (const m of list) document.getElementById("player").contentWindow.postMessage(m, "*");
  }, bad);
  await frame.waitForFunction(() => window.__rejected.length >= 5, { timeout: TIMEOUT, polling: 50 });
  const reasons = (await frame.evaluate(() => window.__rejected)).map((r) => r.reason);
  assert.deepEqual(reasons, ["not_parent", "contract", "unknown_command", "not_json", "malformed"]);
  await page.evaluate((m) => document.getElementById("player").contentWindow.postMessage(m, "*"), cmd("pause"));
  await frame.waitForFunction(() => window.dramaPlayer.hostPaused === true, { timeout: TIMEOUT, polling: 50 });
  return [page, other];
};

scenarios.deposit_round_trip_updates_the_card = async (contexts) => {
  const page = await newPage(contexts, [FAST]);
  await page.goto(wallet("&balance=30000"));
  const frame = await playerFrame(page);
  await page.click("#auto"); // uncheck: the wallet asks before answering
  await click(frame, "#prompt-accept");
  const requested = await waitEvent(frame, "deposit_requested");
  await waitRow(frame, "Saving \u00a550.00\u2026");
  await click(page, `#ledger tr[data-deposit="${requested.deposit_id}"] button`); // Confirm
  await waitEvent(frame, "deposit_confirmed");
  await waitRow(frame, "Saved \u00a550.00");
  await click(frame, '[data-option="save"]');
  const second = await waitEvent(frame, "deposit_requested", 2);
  // The host page's ledger row comes by postMessage a moment after the player's event: wait for it.
  const row = `#ledger tr[data-deposit="${second.deposit_id}"] button`;
  await page.waitForFunction((sel) => document.querySelectorAll(sel).length >= 2, { timeout: TIMEOUT, polling: 50 }, row);
  const buttons = await page.$$(row);
  await buttons[1].click(); // Refuse
  await waitEvent(frame, "deposit_refused");
  await waitRow(frame, "Couldn't save: refused by the app");
  assert.deepEqual(await frame.evaluate(() => window.dramaPlayer.engine.saved), { trip: 5000 });
  return [page];
};

scenarios.pause_stops_the_clock_and_the_video = async (contexts) => {
  const page = await newPage(contexts, []);
  await page.goto(wallet());
  const frame = await playerFrame(page);
  await frame.waitForSelector("#prompt", { visible: true, timeout: TIMEOUT });
  await click(frame, "#prompt-decline");
  await frame.waitForFunction(() => !window.dramaPlayer.deck.driver.paused, { timeout: TIMEOUT, polling: 50 });
  await page.click("#pause");
  await frame.waitForFunction(() => window.dramaPlayer.deck.driver.paused, { timeout: TIMEOUT, polling: 50 });
  const read = () => [window.dramaPlayer.engine.clock, window.dramaPlayer.deck.driver.currentTime];
  const before = await frame.evaluate(read);
  await sleep(700);
  assert.deepEqual(await frame.evaluate(read), before);
  await page.click("#resume");
  await frame.waitForFunction((c) => window.dramaPlayer.engine.clock > c, { timeout: TIMEOUT, polling: 50 }, before[0]);
  return [page];
};

scenarios.set_timers_from_the_host = async (contexts) => {
  const page = await newPage(contexts, []);
  await page.goto(wallet());
  const frame = await playerFrame(page);
  await page.select("#timers", "off");
  const changed = await waitEvent(frame, "timers_changed");
  assert.equal(changed.timers, "off");
  await click(frame, "#prompt-decline");
  const shown = await waitEvent(frame, "choice_shown");
  assert.equal(shown.timeout_ms, null);
  assert.equal((await waitEvent(frame, "paused_for_choice")).reason, "timers_off");
  return [page];
};

scenarios.native_bridges = async (contexts) => {
  const ios = await newPage(contexts, [FAST, IOS], 390);
  await ios.goto(bundle("bank"));
  const a = await playerFrame(ios, true);
  assert.deepEqual(await a.evaluate(() => window.dramaPlayer.bridge.transports), ["dom", "ios"]);
  await click(a, "#prompt-accept");
  const requested = await waitEvent(a, "deposit_requested");
  const ok = await a.evaluate((m) => window.dramaPlayer.command(m), cmd("deposit_result", { deposit_id: requested.deposit_id, ok: true }));
  assert.equal(ok, true);
  await waitRow(a, "Saved \u00a550.00");
  const sent = await a.evaluate(() => window.__native);
  assert.equal(sent[0].event.type, "player_ready");
  assert.deepEqual(sent.slice(1).map((m) => m.event), await events(a));

  const android = await newPage(contexts, [FAST, ANDROID], 390);
  await android.goto(bundle("bank"));
  const b = await playerFrame(android, true);
  await click(b, "#prompt-accept");
  const asked = await waitEvent(b, "deposit_requested");
  const text = JSON.stringify(cmd("deposit_result", { deposit_id: asked.deposit_id, ok: false, reason: "insufficient_balance" }));
  assert.equal(await b.evaluate((m) => window.dramaPlayer.command(m), text), true);
  await waitRow(b, "Couldn't save: not enough balance");
  const texts = await b.evaluate(() => window.__native);
  assert.ok(texts.every((m) => typeof m === "string"));
  assert.deepEqual(texts.slice(1).map((m) => JSON.parse(m).event), await events(b));
  return [ios, android];
};

scenarios.the_issue_scenario_moves_exactly_the_saved_total = async (contexts) => {
  const page = await newPage(contexts, [FAST]);
  await page.goto(wallet("&balance=200000"));
  const frame = await playerFrame(page);
  await click(frame, "#prompt-accept");
  await click(frame, '[data-option="save"]');
  await waitEvent(frame, "deposit_confirmed", 2);
  await click(frame, "#back");
  await waitEvent(frame, "went_back");
  await click(frame, '[data-option="save"]');
  await waitEvent(frame, "deposit_confirmed", 3);
  await click(frame, '[data-option="save_more"]');
  await click(frame, '[data-option="book"]');
  const ending = await waitEvent(frame, "ending_reached");
  assert.deepEqual(ending.saved, { trip: 75000 });
  await click(frame, "#ending-replay");
  await waitEvent(frame, "playthrough_started", 2);
  await click(frame, "#prompt-accept");
  await waitEvent(frame, "deposit_simulated");
  const snapshot = await page.evaluate(() => window.walletSnapshot());
  assert.deepEqual(snapshot.net, ending.saved);
  assert.equal(snapshot.balance, 200000 - 75000);
  return [page];
};

/* ---- runner ---- */

async function main() {
  const options = { browser: config.browser, executablePath: config.executablePath, headless: true };
  if (config.browser === "firefox") {
    options.extraPrefsFirefox = { "media.autoplay.default": 0, "media.autoplay.blocking_policy": 0 };
  } else {
    options.args = ["--no-sandbox", "--autoplay-policy=no-user-gesture-required", "--disable-gpu"];
  }
  const browser = await puppeteer.launch(options);
  console.log("# " + (await browser.version()));
  let passed = 0;
  let failed = 0;
  try {
    const only = config.only || Object.keys(scenarios);
    for (const name of only) {
      const contexts = [];
      contexts.browser = browser;
      try {
        const pages = await scenarios[name](contexts);
        const errors = pages.flatMap((p) => p.errors.filter((e) => !(p.expected && p.expected.test(e))));
        assert.deepEqual(errors, [], "console or page errors");
        console.log("ok " + name);
        passed += 1;
      } catch (err) {
        console.log("not ok " + name + ": " + String(err && err.stack ? err.stack : err).split("\n").slice(0, 6).join(" | "));
        failed += 1;
      } finally {
        for (const context of contexts) await context.close().catch(() => {});
      }
    }
  } finally {
    await browser.close();
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

main().catch((err) => {
  console.log("not ok suite: " + String(err && err.stack ? err.stack : err));
  process.exitCode = 1;
});
