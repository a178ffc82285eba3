/*
 * Test-only: the money session driver of tests/engine/money_sessions.py, in JavaScript.
 *
 * Plays one generated session (viewer steps, a message network that duplicates
 * and reorders deliveries, page reloads, Watch again) against engine.js and a
 * reference host ledger that follows the documented host rules, and returns
 * {log, final} exactly as the Python driver does (same entries, same key
 * order), so that the browser test can compare the two runs. Read the Python
 * module's docstring for what each step means; this file mirrors it line by line.
 *
 * Needs DramaEngine (resources/player/engine.js) loaded first; defines
 * globalThis.DramaMoneySession = {run(session)}.
 */
(function (root) {
  "use strict";

  const { Engine, parseInputs, applyInput } = root.DramaEngine;
  const FINISH_STEPS = 60;
  const WAIT_STEPS = 8;

  /** The documented host rules over a ledger keyed by deposit_id (a wallet with a balance). */
  class HostLedger {
    constructor(policy) {
      this.balance = policy.balance;
      this.mask = policy.refuse_mask;
      this.count = 0; // new deposits seen (bit i of the mask refuses the i-th)
      this.entries = new Map();
      this.violations = [];
    }

    handle(msg) {
      const id = msg.deposit_id;
      if (msg.type === "deposit_requested") {
        let entry = this.entries.get(id);
        if (entry === undefined) {
          entry = { goal: msg.goal, amount: msg.amount, state: "executed", reason: null, money: false };
          if ((this.mask >> Math.min(this.count, 31)) & 1) {
            entry.state = "refused";
            entry.reason = "daily_limit";
          } else if (this.balance !== null && msg.amount > this.balance) {
            entry.state = "refused";
            entry.reason = "insufficient_balance";
          } else {
            entry.money = true;
            if (this.balance !== null) this.balance -= msg.amount;
          }
          this.count += 1;
          this.entries.set(id, entry);
        } else if (entry.state === "cancelled") {
          return null;
        } else if (entry.goal !== msg.goal || entry.amount !== msg.amount) {
          this.violations.push(`${id} requested again with another goal or amount`);
        }
        return { type: "deposit_result", deposit_id: id, ok: entry.state === "executed", reason: entry.reason };
      }
      if (msg.type === "deposit_cancelled") {
        const entry = this.entries.get(id);
        if (entry === undefined) {
          this.entries.set(id, { goal: msg.goal, amount: msg.amount, state: "cancelled", reason: null, money: false });
          return null;
        }
        if (entry.money) {
          entry.money = false;
          if (this.balance !== null) this.balance += entry.amount;
        }
        entry.state = "cancelled";
      }
      return null;
    }

    sortedIds() {
      return Array.from(this.entries.keys()).sort();
    }

    net() {
      const out = {};
      for (const id of this.sortedIds()) {
        const entry = this.entries.get(id);
        if (!entry.money) continue;
        const pt = id.split(":", 1)[0];
        const goals = out[pt] || (out[pt] = {});
        goals[entry.goal] = (goals[entry.goal] || 0) + entry.amount;
      }
      const sorted = {};
      for (const pt of Object.keys(out)) {
        sorted[pt] = {};
        for (const g of Object.keys(out[pt]).sort()) sorted[pt][g] = out[pt][g];
      }
      return sorted;
    }
  }

  function shownSaved(goals, events) {
    let shown = {};
    for (const g of goals.slice().sort()) shown[g] = 0;
    for (const e of events) {
      if (e.type === "ending_reached" || e.type === "went_back") shown = Object.assign({}, e.saved);
      else if (e.type === "deposit_confirmed" || e.type === "deposit_simulated") shown[e.goal] = e.saved;
    }
    return shown;
  }

  const sameJson = (a, b) => JSON.stringify(a) === JSON.stringify(b);
  const pyMod = (k, n) => ((k % n) + n) % n; // Python's k % n (-1 is the last)

  class Session {
    constructor(session) {
      this.project = session.project;
      this.goals = (session.project.goals || []).map((g) => g.id);
      this.host = new HostLedger(session.host);
      this.toHost = [];
      this.toPlayer = [];
      this.log = [];
      this.engines = new Map();
      this.events = new Map();
      this.inputs = new Map();
      this.setup = new Map();
      this.violations = [];
      this.current = "";
      this.begin(session.timers, false);
    }

    get engine() {
      return this.engines.get(this.current);
    }

    begin(timers, replay) {
      const pt = `pt${this.engines.size}`;
      this.current = pt;
      this.engines.set(pt, new Engine(this.project, timers));
      this.events.set(pt, []);
      this.inputs.set(pt, []);
      this.setup.set(pt, [timers, replay]);
      this.took(pt, this.engine.start(null, null, pt, replay));
    }

    took(pt, events) {
      for (const e of events) {
        this.events.get(pt).push(e);
        this.log.push(["event", pt, e]);
        if (e.type.startsWith("deposit_")) this.toHost.push(e);
      }
    }

    input(action, pt, fields) {
      const target = pt === null ? this.current : pt;
      const raw = Object.assign({ at: this.engines.get(target).clock, action }, fields || {});
      this.inputs.get(target).push(raw);
      this.took(target, applyInput(this.engines.get(target), parseInputs([raw])[0]));
    }

    waitForChoice() {
      const eng = this.engine;
      for (let i = 0; i < WAIT_STEPS; i++) {
        const wake = eng.nextWakeClock();
        if (eng.ended || eng.openChoice !== null || wake === null) return;
        this.took(this.current, eng.advance(wake - eng.clock));
      }
    }

    step(step) {
      const op = step.op;
      const eng = this.engine;
      if (op === "choose") this.waitForChoice();
      const live = !eng.ended;
      const choice = live ? eng.openChoice : null;
      if (op === "advance" && live) {
        this.took(this.current, eng.advance(step.ms));
      } else if (op === "choose" && choice !== null) {
        this.input("choose", null, { option: choice.options[step.k % choice.options.length].id });
      } else if ((op === "accept" || op === "decline") && live && eng.openPrompts.length) {
        this.input(`${op}_prompt`, null);
      } else if (op === "back" && eng.canGoBack) {
        this.input("back", null);
      } else if (op === "timers") {
        this.input("set_timers", null, { timers: step.timers });
      } else if (op === "watch_again") {
        this.input("abandon", null);
        this.begin(eng.timers, true);
      } else if (op === "reload") {
        this.reload();
      } else if (op === "to_host" && this.toHost.length) {
        this.deliverToHost(pyMod(step.k, this.toHost.length), step.dup);
      } else if (op === "to_player" && this.toPlayer.length) {
        this.deliverToPlayer(pyMod(step.k, this.toPlayer.length), step.dup);
      } else if (op === "sync") {
        this.sync();
      }
    }

    sync() {
      while (this.toHost.length || this.toPlayer.length) {
        if (this.toHost.length) this.deliverToHost(0, false);
        else this.deliverToPlayer(0, false);
      }
    }

    reload() {
      const lost = this.toPlayer;
      this.toPlayer = [];
      const resent = [];
      for (const [pt, old] of Array.from(this.engines)) {
        const [timers, replay] = this.setup.get(pt);
        const fresh = new Engine(this.project, timers);
        const again = fresh.start(null, null, pt, replay);
        for (const inp of parseInputs(this.inputs.get(pt))) {
          again.push(...fresh.advance(inp.at - fresh.clock));
          again.push(...applyInput(fresh, inp));
        }
        again.push(...fresh.advance(old.clock - fresh.clock));
        if (!sameJson(again, this.events.get(pt))) {
          this.violations.push(`reload of ${pt}: the replayed inputs gave other events`);
        }
        this.engines.set(pt, fresh);
        resent.push(...fresh.pendingRequests());
      }
      this.log.push(["reload", lost.length, resent.map((r) => r.deposit_id)]);
      this.toHost.push(...resent);
    }

    deliverToHost(i, dup) {
      const msg = dup ? this.toHost[i] : this.toHost.splice(i, 1)[0];
      const reply = this.host.handle(msg);
      this.log.push(["host", msg.type, msg.deposit_id, reply]);
      if (reply !== null) this.toPlayer.push(reply);
    }

    deliverToPlayer(i, dup) {
      const msg = dup ? this.toPlayer[i] : this.toPlayer.splice(i, 1)[0];
      const pt = msg.deposit_id.split(":", 1)[0];
      this.log.push(["player", msg.deposit_id, msg.ok]);
      // An earlier playthrough's engine still takes its late answers.
      this.input("deposit_result", pt, { deposit_id: msg.deposit_id, ok: msg.ok, reason: msg.reason });
    }

    finish() {
      for (let i = 0; i < FINISH_STEPS; i++) {
        const eng = this.engine;
        const choice = eng.openChoice;
        if (eng.ended) break;
        if (eng.openPrompts.length) {
          this.input("accept_prompt", null);
        } else if (choice !== null) {
          const option = choice.options.find((o) => o.default) || choice.options[0];
          this.input("choose", null, { option: option.id });
        } else {
          const wake = eng.nextWakeClock();
          if (wake === null) break;
          this.took(this.current, eng.advance(wake - eng.clock));
        }
      }
      if (!this.engine.ended) this.input("abandon", null);
      this.sync();
    }

    final() {
      const playthroughs = Array.from(this.engines).map(([pt, eng]) => ({
        playthrough: pt,
        real_deposits: eng.realDeposits,
        ended: eng.ended,
        saved: eng.saved,
        pending: eng.pending,
        pending_requests: eng.pendingRequests(),
        shown: shownSaved(this.goals, this.events.get(pt)),
      }));
      return {
        playthroughs,
        ledger: this.host.sortedIds().map((id) => [id, this.host.entries.get(id)]),
        balance: this.host.balance,
        net: this.host.net(),
        violations: this.violations.concat(this.host.violations),
      };
    }
  }

  /** Play one session: {log, final} (what tests/engine/money_sessions.py's run_session returns). */
  function run(session) {
    const s = new Session(session);
    for (const step of session.steps) s.step(step);
    s.finish();
    return { log: s.log, final: s.final() };
  }

  root.DramaMoneySession = { run };
})(typeof globalThis !== "undefined" ? globalThis : this);
