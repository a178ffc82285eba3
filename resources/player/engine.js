/*
 * Drama Studio story engine (event contract version 2), JavaScript port.
 *
 * A pure, deterministic runtime: no DOM, no wall clock. The caller drives it
 * with advance(ms), viewer inputs and host inputs; every method returns the
 * events it emitted (JSON objects of docs/engine-contract.md). It mirrors the
 * Python engine (studio/engine/core.py, engine.py, money.py, money_rules.py,
 * wallet.py, runner.py) rule by rule and must produce exactly the same traces
 * for every case in tests/vectors/.
 *
 *   const engine = new DramaEngine.Engine(projectJson, "normal", wallet);  // wallet: optional
 *   engine.start(null, {}, "3f2a-b1", false);   // from, variables, playthrough id, replay
 *   engine.advance(1500);  engine.choose("save");  engine.back();
 *   engine.depositResult(depositId, true, null);  // the host's answer
 *   engine.setTimers("off");  engine.abandon();
 *   engine.saved / engine.pending / engine.pendingRequests()
 *   new DramaEngine.SimulatedWallet("accept" | "refuse" | "none", balance);
 *   DramaEngine.runTrace(projectJson, {from, variables, timers, playthrough, replay, wallet},
 *                        inputs, limitMs);
 *
 * Loadable as a plain <script> (defines globalThis.DramaEngine) and from Node
 * (module.exports). No dependencies.
 */
(function (root, factory) {
  "use strict";
  const node = typeof module === "object" && module && module.exports;
  // The model's defaults, generated from its JSON Schema (generated/tables.js, loaded first).
  const tables = node ? require("./generated/tables.js") : root.DramaTables;
  if (!tables) throw new Error("engine.js needs generated/tables.js loaded before it");
  const api = factory(tables);
  if (node) {
    module.exports = api;
  } else {
    root.DramaEngine = api;
  }
})(typeof globalThis !== "undefined" ? globalThis : this, function (TABLES) {
  "use strict";

  const CONTRACT_VERSION = 2;
  const DEFAULT_LIMIT_MS = 3600000;
  const TIMER_FACTOR = { normal: 1, x2: 2, x10: 10, off: null };
  const SAVED_PREFIX = "saved.";
  const MAX_ZERO_TIME_STEPS = 10000;

  /** Base class of the engine's errors (one-line messages naming the id). */
  class EngineError extends Error {
    constructor(message) {
      super(message);
      this.name = new.target.name;
    }
  }

  class StartError extends EngineError {}
  class InputError extends EngineError {}
  class InputListError extends EngineError {}
  class ZeroTimeLoopError extends EngineError {}
  /** A wallet setting that is not one of the documented forms. */
  class WalletSpecError extends EngineError {}

  class ConditionError extends Error {
    constructor(message) {
      super(message);
      this.name = "ConditionError";
    }
  }

  const hasOwn = (obj, key) => Object.prototype.hasOwnProperty.call(obj, key);

  /**
   * A plain object for id keys (variables, goals, scenes): no prototype, so ids such as
   * "__proto__", "constructor" or "toString" are ordinary keys, as in Python; `from`'s own keys copied.
   */
  const dict = (from) => (from ? Object.assign(Object.create(null), from) : Object.create(null));

  /** Python's repr() of a JSON value, so that error messages read like the Python engine's. */
  function pyRepr(value) {
    if (value === null || value === undefined) return "None";
    if (value === true) return "True";
    if (value === false) return "False";
    if (typeof value === "number") return String(value);
    if (typeof value === "string") {
      const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
      let out = "";
      for (const ch of value) {
        const code = ch.codePointAt(0);
        if (ch === "\\" || ch === quote) out += "\\" + ch;
        else if (ch === "\n") out += "\\n";
        else if (ch === "\r") out += "\\r";
        else if (ch === "\t") out += "\\t";
        else if (code < 0x20 || code === 0x7f) out += "\\x" + code.toString(16).padStart(2, "0");
        else out += ch;
      }
      return quote + out + quote;
    }
    if (Array.isArray(value)) return "[" + value.map(pyRepr).join(", ") + "]";
    if (typeof value === "object") {
      return "{" + Object.keys(value).map((k) => `${pyRepr(k)}: ${pyRepr(value[k])}`).join(", ") + "}";
    }
    return String(value);
  }

  /** Python's len() of a string (code points, not UTF-16 units). */
  function pyLen(text) {
    let n = 0;
    for (const _ of text) n += 1; // eslint-disable-line no-unused-vars
    return n;
  }

  /* ---------------------------------------------------------------------
   * Conditions: the JsonLogic subset of studio/model/conditions.py.
   * Python semantics are mirrored exactly: == needs equal value AND the same
   * JSON type at the top level; inside lists, Python list equality applies.
   * ------------------------------------------------------------------- */

  function isInt(v) {
    return typeof v === "number" && Number.isInteger(v);
  }

  /* Every integer of a project lies in ±MAX_SAFE (2**53 - 1, where doubles are exact) and every
   * integer result saturates there, exactly as studio.model.conditions.saturate does: the sum
   * of two safe integers that leaves the range rounds to a double beyond it, which clamps to
   * the same bound Python's exact sum clamps to. */
  const MAX_SAFE = Number.MAX_SAFE_INTEGER;

  function saturate(v) {
    return v > MAX_SAFE ? MAX_SAFE : v < -MAX_SAFE ? -MAX_SAFE : v;
  }

  function isMapping(v) {
    return v !== null && typeof v === "object" && !Array.isArray(v);
  }

  function jsonType(v) {
    if (v === null || v === undefined) return "null";
    if (Array.isArray(v)) return "list";
    if (typeof v === "boolean") return "bool";
    if (typeof v === "number") return Number.isInteger(v) ? "int" : "float";
    if (typeof v === "string") return "str";
    return "dict";
  }

  // Python's == (True == 1, lists element-wise, dicts key-wise).
  function pyEq(a, b) {
    const ta = jsonType(a);
    const tb = jsonType(b);
    const numeric = (t) => t === "bool" || t === "int" || t === "float";
    if (numeric(ta) && numeric(tb)) return Number(a) === Number(b);
    if (ta !== tb) return false;
    if (ta === "list") {
      if (a.length !== b.length) return false;
      for (let i = 0; i < a.length; i++) if (!pyEq(a[i], b[i])) return false;
      return true;
    }
    if (ta === "dict") {
      const ka = Object.keys(a);
      if (ka.length !== Object.keys(b).length) return false;
      return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && pyEq(a[k], b[k]));
    }
    return a === b;
  }

  function strictEq(a, b) {
    return pyEq(a, b) && jsonType(a) === jsonType(b);
  }

  function truthy(v) {
    if (Array.isArray(v)) return v.length > 0;
    if (v === null || v === undefined) return false;
    if (isMapping(v)) return Object.keys(v).length > 0;
    return Boolean(v);
  }

  function num(v, op) {
    if (!isInt(v)) throw new ConditionError(`operator '${op}' needs integers, got ${JSON.stringify(v)}`);
    return v;
  }

  function opArgs(node) {
    const keys = Object.keys(node);
    if (keys.length !== 1) {
      throw new ConditionError(`an operation must have exactly one operator, got ${JSON.stringify(keys.sort())}`);
    }
    const op = keys[0];
    const raw = node[op];
    return [op, Array.isArray(raw) ? raw : [raw]];
  }

  function evaluate(expr, env) {
    if (!isMapping(expr)) {
      if (Array.isArray(expr)) return expr.map((item) => evaluate(item, env));
      return expr;
    }
    const [op, raw] = opArgs(expr);
    if (op === "var") {
      const name = raw[0];
      if (typeof name !== "string" || !Object.prototype.hasOwnProperty.call(env, name)) {
        throw new ConditionError(`unknown variable '${name}'`);
      }
      return env[name];
    }
    if (op === "if") {
      for (let i = 0; i + 1 < raw.length; i += 2) {
        if (truthy(evaluate(raw[i], env))) return evaluate(raw[i + 1], env);
      }
      return raw.length % 2 ? evaluate(raw[raw.length - 1], env) : null;
    }
    if (op === "and") {
      let value = true;
      for (const arg of raw) {
        value = evaluate(arg, env);
        if (!truthy(value)) return value;
      }
      return value;
    }
    if (op === "or") {
      let value = false;
      for (const arg of raw) {
        value = evaluate(arg, env);
        if (truthy(value)) return value;
      }
      return value;
    }
    const args = raw.map((arg) => evaluate(arg, env));
    switch (op) {
      case "!":
        return !truthy(args[0]);
      case "==":
        return strictEq(args[0], args[1]);
      case "!=":
        return !strictEq(args[0], args[1]);
      case "<":
      case "<=":
      case ">":
      case ">=": {
        const nums = args.map((a) => num(a, op));
        if (op === ">") return nums[0] > nums[1];
        if (op === ">=") return nums[0] >= nums[1];
        for (let i = 0; i + 1 < nums.length; i++) {
          if (op === "<" ? !(nums[i] < nums[i + 1]) : !(nums[i] <= nums[i + 1])) return false;
        }
        return true;
      }
      case "+":
        return args.reduce((sum, a) => saturate(sum + num(a, op)), 0);
      case "-": {
        const nums = args.map((a) => num(a, op));
        return nums.length === 1 ? -nums[0] : saturate(nums[0] - nums[1]);
      }
      case "in": {
        const [needle, hay] = args;
        if (typeof hay === "string") return typeof needle === "string" && hay.includes(needle);
        if (Array.isArray(hay)) return hay.some((h) => strictEq(needle, h));
        throw new ConditionError("operator 'in' needs a list or a string");
      }
      default:
        throw new ConditionError(`unknown operator '${op}'`);
    }
  }

  /* ---------------------------------------------------------------------
   * Project defaults: the raw JSON may omit fields that the Python model
   * fills in (pydantic defaults). normalize() returns a filled deep copy.
   * Which fields have defaults, and which hold nested objects, is generated
   * from the project's JSON Schema (generated/tables.js, written by
   * scripts/gen_player_tables.py): nothing here lists a field by hand.
   * ------------------------------------------------------------------- */

  function copy(value) {
    return JSON.parse(JSON.stringify(value));
  }

  /** Fill the omitted fields of `obj` (an object of model kind `kind`) and of the objects it holds. */
  function fillDefaults(obj, kind) {
    const defaults = TABLES.DEFAULTS[kind];
    for (const key of Object.keys(defaults)) {
      if (!hasOwn(obj, key)) {
        const value = defaults[key];
        obj[key] = value !== null && typeof value === "object" ? copy(value) : value;
      }
    }
    const nested = TABLES.NESTED[kind];
    for (const key of Object.keys(nested)) {
      const [shape, child] = nested[key];
      const value = obj[key];
      if (shape === "list") {
        if (Array.isArray(value)) for (const item of value) if (isMapping(item)) fillDefaults(item, child);
      } else if (isMapping(value)) {
        fillDefaults(value, child);
      }
    }
    return obj;
  }

  function normalize(raw) {
    if (!isMapping(raw)) throw new StartError("the project must be a JSON object");
    return fillDefaults(copy(raw), TABLES.ROOT);
  }

  /** Per-scene schedule: the sorted clip times in (in_ms, out] where something may be due. */
  function compileScene(scene, durations) {
    // A placeholder scene (a storyboard card, no media) is not trimmed: it lasts its duration.
    let out;
    if (scene.placeholder !== null) out = scene.placeholder.duration_ms;
    else out = scene.out_ms !== null ? scene.out_ms : durations.get(scene.media);
    const points = new Set([out]);
    for (const tag of scene.tags) {
      points.add(tag.start_ms);
      points.add(tag.end_ms);
    }
    for (const p of scene.prompts) points.add(p.at_ms);
    if (scene.choice) {
      points.add(scene.choice.appear_ms);
      points.add(scene.choice.decision_ms);
    }
    const times = Array.from(points)
      .filter((x) => scene.in_ms < x && x <= out)
      .sort((a, b) => a - b);
    return {
      id: scene.id,
      scene,
      out,
      times,
      options: new Map(scene.choice ? scene.choice.options.map((o) => [o.id, o]) : []),
      tags: new Map(scene.tags.map((x) => [x.id, x])),
    };
  }

  function nextTime(sc, t) {
    for (const x of sc.times) if (x > t) return x;
    return null;
  }

  function hotspotJson(h) {
    return { x: h.x, y: h.y, w: h.w, h: h.h };
  }

  function typeName(value) {
    if (typeof value === "boolean") return "bool";
    if (isInt(value)) return "int";
    if (typeof value === "string") return "string";
    if (value === null || value === undefined) return "NoneType";
    if (typeof value === "number") return "float";
    return Array.isArray(value) ? "list" : "dict";
  }

  /** A copy of `obj` with its keys sorted (the contract's variables/saved/pending objects). */
  function sortedObject(obj) {
    const out = dict();
    for (const k of Object.keys(obj).sort()) out[k] = obj[k];
    return out;
  }

  function freshVisit() {
    return {
      promptsSeen: new Set(),
      openPrompts: [], // prompt objects, oldest first
      tagsSeen: new Set(),
      tagsVisible: new Set(),
      choiceDone: false,
      deadlineDone: false,
      endDone: false,
      taken: null,
    };
  }

  function newPass(v) {
    v.tagsSeen = new Set();
    v.tagsVisible = new Set();
    v.choiceDone = v.deadlineDone = v.endDone = false;
    v.taken = null;
  }

  /* =====================================================================
   * Money (the contract's "Money"): deposit identity and records, the
   * host's answers, rewound and cancelled deposits, and the simulated
   * wallet. A port of studio/engine/money.py (DepositBook), money_rules.py
   * (MoneyRules, the engine's money behaviour) and wallet.py.
   *
   * A deposit's key is <playthrough>:<visit>:<scene>:<source>:<item>; its
   * deposit_id is the key plus a generation (how many times a deposit with
   * that key was cancelled before in the playthrough). back() moves the
   * records made after the restored decision to `rewound`: they are revived
   * when the story asks for the same key again, or cancelled when it no
   * longer can. `saved` counts confirmed records only, `pending` the others
   * still waiting for the host.
   * ===================================================================== */

  const MAX_REASON = 200;
  const PLAYTHROUGH_PATTERN = "[A-Za-z0-9_-]{1,64}";
  const PLAYTHROUGH_RE = new RegExp(`^${PLAYTHROUGH_PATTERN}$`);

  function depositKey(playthrough, visit, scene, source, item) {
    return `${playthrough}:${visit}:${scene}:${source}:${item}`;
  }

  /** The host's refusal reason as kept in events: a string cut to 200 characters, or null. */
  function cleanReason(reason) {
    return typeof reason === "string" ? Array.from(reason).slice(0, MAX_REASON).join("") : null;
  }

  /** Deposit records of one playthrough, the rewound ones and the running totals (no events). */
  class DepositBook {
    constructor(goals) {
      this.goals = goals.slice();
      this.records = []; // {depositId, key, visit, goal, amount, status, real, request}
      this.rewound = [];
      this.generation = new Map();
      this.saved = dict();
      this.pending = dict();
      for (const g of this.goals) {
        this.saved[g] = 0;
        this.pending[g] = 0;
      }
    }

    /** Confirmed plus pending: what a goal's cap is measured against. */
    committed(goal) {
      return saturate(this.saved[goal] + this.pending[goal]);
    }

    _count(rec, sign) {
      if (rec.status === "confirmed") this.saved[rec.goal] = saturate(this.saved[rec.goal] + sign * rec.amount);
      else if (rec.status === "pending") this.pending[rec.goal] = saturate(this.pending[rec.goal] + sign * rec.amount);
    }

    newId(key) {
      return `${key}:${this.generation.get(key) || 0}`;
    }

    add(rec) {
      this.records.push(rec);
      this._count(rec, 1);
    }

    /** Remove and return the rewound record with `key` (null if there is none). */
    takeRewound(key) {
      const i = this.rewound.findIndex((rec) => rec.key === key);
      return i < 0 ? null : this.rewound.splice(i, 1)[0];
    }

    /** `rec` (no longer in any list) was cancelled: its key gets a new generation. */
    cancelled(rec) {
      this.generation.set(rec.key, (this.generation.get(rec.key) || 0) + 1);
    }

    /** Apply the host's answer to the pending record `depositId` (null: nothing to do). */
    settle(depositId, ok) {
      for (const rec of this.records) {
        if (rec.depositId === depositId && rec.status === "pending") {
          this._count(rec, -1);
          rec.status = ok ? "confirmed" : "refused";
          this._count(rec, 1);
          return rec;
        }
      }
      return null;
    }

    /** back(): records after `length` leave the list; real ones become rewound. */
    rewind(length) {
      const moved = this.records.splice(length);
      for (const rec of moved) {
        this._count(rec, -1);
        if (rec.real) this.rewound.push(rec);
      }
    }

    /** Remove the rewound records with visit <= maxVisit (all: null), in order. */
    popRewound(maxVisit) {
      if (maxVisit === null || maxVisit === undefined) {
        const out = this.rewound;
        this.rewound = [];
        return out;
      }
      const out = this.rewound.filter((rec) => rec.visit <= maxVisit);
      this.rewound = this.rewound.filter((rec) => rec.visit > maxVisit);
      return out;
    }

    /** Remove the rewound option deposits of `visit` whose key is not `keep`, in order. */
    popRewoundOptions(visit, keep) {
      const other = (rec) => rec.visit === visit && rec.key !== keep && rec.key.split(":")[3] === "option";
      const out = this.rewound.filter(other);
      if (out.length) this.rewound = this.rewound.filter((rec) => !other(rec));
      return out;
    }

    pendingRequests() {
      return this.records.filter((rec) => rec.status === "pending").map((rec) => Object.assign({}, rec.request));
    }
  }

  /**
   * The engine's money behaviour (Engine extends it): requesting a deposit,
   * applying the host's answer, cancelling rewound deposits. A synchronous
   * wallet (`this._wallet`, e.g. a SimulatedWallet) sees every
   * deposit_requested and deposit_cancelled; its answer is applied at once.
   */
  class MoneyRules {
    _deposit(goalId, requested, source, item) {
      const goal = this._goals.get(goalId);
      const book = this._book;
      let amount = requested;
      if (goal.cap !== null) amount = Math.min(requested, goal.cap - book.committed(goalId));
      if (amount <= 0) return;
      const visit = this._path.length - 1;
      const key = depositKey(this._playthrough, visit, this._sc.id, source, item);
      const currency = this.project.currency;
      if (!this._real) {
        const rec = { depositId: book.newId(key), key, visit, goal: goalId, amount, status: "confirmed", real: false, request: null };
        book.add(rec);
        this._emit("deposit_simulated", {
          deposit_id: rec.depositId,
          goal: goalId,
          amount,
          requested,
          currency,
          source,
          item,
          saved: book.saved[goalId],
        });
        return;
      }
      let rec = book.takeRewound(key);
      if (rec !== null && rec.goal === goalId && rec.amount === amount) {
        rec.status = "pending"; // revived: the same deposit asked for again
      } else {
        if (rec !== null) this._cancelOne(rec);
        rec = { depositId: book.newId(key), key, visit, goal: goalId, amount, status: "pending", real: true, request: null };
      }
      book.add(rec);
      const event = this._emit("deposit_requested", {
        deposit_id: rec.depositId,
        goal: goalId,
        amount,
        requested,
        currency,
        source,
        item,
        total: book.committed(goalId),
      });
      rec.request = Object.assign({}, event);
      const answer = this._wallet === null ? null : this._wallet.onEvent(Object.assign({}, event));
      if (answer !== null && answer !== undefined) this._answer(rec.depositId, answer.ok, answer.reason);
    }

    /** The host's answer to `depositId` (ignored unless that deposit is pending). */
    _answer(depositId, ok, reason) {
      const rec = this._book.settle(depositId, ok);
      if (rec === null) return;
      if (ok) {
        this._emit("deposit_confirmed", {
          deposit_id: depositId,
          goal: rec.goal,
          amount: rec.amount,
          saved: this._book.saved[rec.goal],
        });
      } else {
        this._emit("deposit_refused", { deposit_id: depositId, goal: rec.goal, amount: rec.amount, reason: cleanReason(reason) });
      }
    }

    /** `rec` (taken out of the rewound list) is cancelled: event, wallet, next generation. */
    _cancelOne(rec) {
      this._book.cancelled(rec);
      const event = this._emit("deposit_cancelled", { deposit_id: rec.depositId, goal: rec.goal, amount: rec.amount });
      if (this._wallet !== null) this._wallet.onEvent(Object.assign({}, event));
    }

    /** An option of this visit's choice is taken: the other options' rewound deposits are dead. */
    _cancelOtherOptions(item) {
      if (!this._book.rewound.length) return;
      const visit = this._path.length - 1;
      const keep = depositKey(this._playthrough, visit, this._sc.id, "option", item);
      for (const rec of this._book.popRewoundOptions(visit, keep)) this._cancelOne(rec);
    }

    /** Cancel the rewound deposits the story can no longer ask for (visit <= maxVisit; all: null). */
    _cancelRewound(maxVisit) {
      if (!this._book.rewound.length) return;
      for (const rec of this._book.popRewound(maxVisit)) this._cancelOne(rec);
    }
  }

  const WALLET_MODES = ["accept", "refuse", "none"];

  /**
   * A synchronous simulated host following the host rules of
   * docs/host-integration.md over an in-memory ledger (deposit_id -> entry):
   * a new deposit_requested is executed ("accept"; {"balance": N} while the
   * amount fits) or refused ("refuse": "refused"; too low a balance:
   * "insufficient_balance"); a repeated id moves nothing and gets the first
   * answer again ("conflict" if its goal or amount differ); an id seen
   * cancelled gets no answer. deposit_cancelled reverses an executed deposit
   * and leaves a tombstone (also for an unknown id). "none" never answers.
   * onEvent(event) returns {ok, reason} for a deposit_requested it answers, else null.
   */
  class SimulatedWallet {
    constructor(mode, balance) {
      const m = mode === undefined ? "accept" : mode;
      if (!WALLET_MODES.includes(m)) throw new WalletSpecError(`wallet: unknown mode ${pyRepr(m)}`);
      this.mode = m;
      this.balance = balance === undefined ? null : balance;
      this.ledger = new Map(); // deposit_id -> {goal, amount, state, reason, executed}
    }

    /** "accept" | "refuse" | "none" | {"balance": N} (N minor units >= 0). */
    static fromJson(value) {
      if (typeof value === "string" && WALLET_MODES.includes(value)) return new SimulatedWallet(value);
      if (isMapping(value) && Object.keys(value).length === 1 && hasOwn(value, "balance")) {
        const n = value.balance;
        if (isInt(n) && n >= 0 && n <= Number.MAX_SAFE_INTEGER) return new SimulatedWallet("accept", n);
      }
      throw new WalletSpecError(
        `wallet: must be "accept", "refuse", "none" or {"balance": minor units}, got ${pyRepr(value)}`
      );
    }

    toJson() {
      return this.balance !== null && this.mode === "accept" ? { balance: this.balance } : this.mode;
    }

    /** Handle one engine event; the answer to a deposit_requested ({ok, reason}) or null. */
    onEvent(event) {
      if (this.mode === "none") return null;
      if (event.type === "deposit_requested") return this._requested(String(event.deposit_id), String(event.goal), event.amount);
      if (event.type === "deposit_cancelled") this._cancelled(String(event.deposit_id), String(event.goal), event.amount);
      return null;
    }

    _requested(depositId, goal, amount) {
      let entry = this.ledger.get(depositId);
      if (entry !== undefined) {
        if (entry.state === "cancelled") return null;
        if (entry.goal !== goal || entry.amount !== amount) return { ok: false, reason: "conflict" };
        return { ok: entry.state === "done", reason: entry.reason };
      }
      if (this.mode === "refuse") {
        entry = { goal, amount, state: "refused", reason: "refused", executed: false };
      } else if (this.balance !== null && amount > this.balance) {
        entry = { goal, amount, state: "refused", reason: "insufficient_balance", executed: false };
      } else {
        if (this.balance !== null) this.balance -= amount;
        entry = { goal, amount, state: "done", reason: null, executed: true };
      }
      this.ledger.set(depositId, entry);
      return { ok: entry.state === "done", reason: entry.reason };
    }

    _cancelled(depositId, goal, amount) {
      const entry = this.ledger.get(depositId);
      if (entry === undefined) {
        this.ledger.set(depositId, { goal, amount, state: "cancelled", reason: null, executed: false });
        return;
      }
      if (entry.executed) {
        entry.executed = false;
        if (this.balance !== null) this.balance += entry.amount;
      }
      entry.state = "cancelled";
    }

    /** Goal -> money currently deposited (executed and not reversed). */
    net() {
      const out = dict();
      for (const entry of this.ledger.values()) {
        if (entry.executed) out[entry.goal] = (out[entry.goal] || 0) + entry.amount;
      }
      return out;
    }

    /** Playthrough id -> goal -> money deposited (the id's part before the first ':'). */
    netByPlaythrough() {
      const out = dict();
      for (const [depositId, entry] of this.ledger) {
        if (!entry.executed) continue;
        const playthrough = depositId.split(":", 1)[0];
        const goals = out[playthrough] || (out[playthrough] = dict());
        goals[entry.goal] = (goals[entry.goal] || 0) + entry.amount;
      }
      return out;
    }
  }

  /* ---------------------------------------------------------------------
   * The engine: a line-by-line port of studio/engine/core.py + engine.py.
   * Processing an instant is idempotent; every change that may make more
   * items due at the same instant sets _dirty and _settle() re-processes.
   * ------------------------------------------------------------------- */

  class Engine extends MoneyRules {
    /**
     * `wallet`: optional synchronous host, an object with onEvent(event) ->
     * {ok, reason} | null (e.g. a SimulatedWallet); a wallet setting
     * ("accept", "refuse", "none", {"balance": N}) makes a SimulatedWallet.
     */
    constructor(project, timers, wallet) {
      super();
      const mode = timers === undefined || timers === null ? "normal" : timers;
      if (!hasOwn(TIMER_FACTOR, mode)) {
        throw new StartError(`unknown timers setting '${mode}'`);
      }
      this.project = normalize(project);
      this.timers = mode;
      this._k = TIMER_FACTOR[mode];
      if (wallet === undefined || wallet === null) this._wallet = null;
      else this._wallet = typeof wallet.onEvent === "function" ? wallet : SimulatedWallet.fromJson(wallet);
      const durations = new Map(this.project.media.map((m) => [m.id, m.duration_ms]));
      this._scenes = new Map(this.project.scenes.map((s) => [s.id, compileScene(s, durations)]));
      this._goals = new Map(this.project.goals.map((g) => [g.id, g]));
      this._products = new Map(this.project.products.map((x) => [x.id, x]));
      this._reset();
    }

    _reset() {
      this._started = false;
      this._ended = false;
      this._abandoned = false;
      this._clock = 0;
      this._t = 0;
      this._sc = null;
      this._vars = dict();
      for (const v of this.project.variables) this._vars[v.id] = v.default;
      this._book = new DepositBook(this.project.goals.map((g) => g.id));
      this._playthrough = "p1";
      this._replay = false;
      this._real = true;
      this._answered = dict();
      this._path = [];
      this._visit = freshVisit();
      this._choice = null;
      this._decisions = [];
      this._pending = null;
      this._dirty = false;
      this._out = [];
      this._spin = 0;
      this._spinClock = 0;
    }

    /* ---- small helpers ---- */

    _emit(type, payload) {
      const event = Object.assign({ type, clock: this._clock, scene: this._sc.id, t: this._t }, payload || {});
      this._out.push(event);
      return event;
    }

    _takeEvents() {
      const out = this._out;
      this._out = [];
      return out;
    }

    _spinGuard() {
      if (this._spinClock !== this._clock) {
        this._spinClock = this._clock;
        this._spin = 0;
      }
      this._spin += 1;
      if (this._spin > MAX_ZERO_TIME_STEPS) {
        throw new ZeroTimeLoopError(
          `scene '${this._sc.id}' entered or restarted ${MAX_ZERO_TIME_STEPS} times at ` +
            `clock ${this._clock} without time passing (zero-time loop)`
        );
      }
    }

    _pausingPromptOpen() {
      return this._visit.openPrompts.some((p) => p.pause);
    }

    _playing() {
      return (
        this._started &&
        !this._ended &&
        !this._visit.endDone &&
        (this._choice === null || this._choice.pause === null) &&
        !this._pausingPromptOpen()
      );
    }

    _visible(option) {
      if (option.condition === null) return true;
      const env = dict(this._vars);
      const saved = this._book.saved;
      for (const g of Object.keys(saved)) env[SAVED_PREFIX + g] = saved[g];
      try {
        return truthy(evaluate(option.condition, env));
      } catch (err) {
        if (err instanceof ConditionError) return false; // an unevaluable condition hides its option
        throw err;
      }
    }

    /* ---- effects ---- */

    _applyEffects(effects, source, item) {
      if (!effects.length) return;
      const touched = new Set();
      for (const e of effects) {
        if (e.op === "set") this._vars[e.var] = e.value;
        else if (e.op === "add") this._vars[e.var] = saturate(this._vars[e.var] + e.value);
        else this._vars[e.var] = saturate(this._vars[e.var] - e.value);
        touched.add(e.var);
      }
      const changed = dict();
      for (const k of Array.from(touched).sort()) changed[k] = this._vars[k];
      this._emit("effects_applied", { source, item, variables: changed });
    }

    /* ---- scenes ---- */

    _enter(sceneId) {
      // A transition: the visit being left can no longer ask for its rewound deposits.
      if (this._path.length) this._cancelRewound(this._path.length - 1);
      this._sc = this._scenes.get(sceneId);
      this._spinGuard();
      const sc = this._sc;
      this._t = sc.scene.in_ms;
      this._visit = freshVisit();
      this._choice = null;
      this._pending = null;
      this._path.push(sceneId);
      this._emit("scene_started", { in_ms: sc.scene.in_ms, out_ms: sc.out, media: sc.scene.media });
      this._applyEffects(sc.scene.on_enter, "scene", null);
      this._dirty = true;
    }

    _hideTags() {
      const v = this._visit;
      for (const tag of this._sc.scene.tags) {
        if (v.tagsVisible.has(tag.id)) {
          v.tagsVisible.delete(tag.id);
          this._emit("product_tag_hidden", { tag: tag.id, product: tag.product });
        }
      }
    }

    _expirePrompts() {
      while (this._visit.openPrompts.length) {
        const p = this._visit.openPrompts.shift();
        this._emit("prompt_declined", { prompt: p.id, by: "expired" });
        this._applyEffects(p.decline_effects, "prompt_decline", p.id);
      }
    }

    _leaveAndEnter(target) {
      this._hideTags();
      this._expirePrompts();
      this._enter(target);
    }

    _endReached(deadEnd) {
      const kind = deadEnd ? null : this._sc.scene.ending_kind;
      this._cancelRewound(null);
      this._emit("ending_reached", {
        kind,
        dead_end: deadEnd,
        variables: sortedObject(this._vars),
        saved: sortedObject(this._book.saved),
        pending: sortedObject(this._book.pending),
      });
      this._ended = true;
      this._dirty = false;
    }

    /* ---- choices ---- */

    _showChoice(options) {
      const cp = this._sc.scene.choice;
      const v = this._visit;
      this._pending = {
        scene: this._sc.id,
        t: this._t,
        variables: dict(this._vars),
        depositsLen: this._book.records.length,
        answered: dict(this._answered),
        pathLen: this._path.length,
        promptsSeen: new Set(v.promptsSeen),
        tagsSeen: new Set(v.tagsSeen),
        tagsVisible: new Set(v.tagsVisible),
        optionIds: options.map((o) => o.id),
      };
      const timeout = this._k === null ? null : (cp.decision_ms - cp.appear_ms) * this._k;
      this._choice = { options, shownClock: this._clock, timeoutMs: timeout, pause: null, extClock: null };
      this._emit("choice_shown", {
        options: options.map((o) => ({ id: o.id, label: o.label })),
        deadline_ms: cp.decision_ms,
        timeout_ms: timeout,
        timeout: cp.timeout,
        countdown: cp.show_countdown,
      });
    }

    _take(option, by) {
      const sc = this._sc;
      const cp = sc.scene.choice;
      this._emit("choice_made", { option: option.id, target: option.target, by });
      this._cancelOtherOptions(option.id);
      this._applyEffects(option.effects, "option", option.id);
      if (option.deposit !== null) this._deposit(option.deposit.goal, option.deposit.amount, "option", option.id);
      this._answered[sc.id] = option.id;
      if (this._pending !== null) {
        this._decisions.push(this._pending);
        this._pending = null;
      }
      this._choice = null;
      if (cp.mode === "cut") this._leaveAndEnter(option.target);
      else this._visit.taken = option;
      this._dirty = true;
    }

    _applyPolicy() {
      const ch = this._choice;
      const cp = this._sc.scene.choice;
      ch.extClock = null;
      ch.pause = null;
      let policy = cp.timeout;
      if (policy === "default") {
        const dflt = ch.options.find((o) => o.default);
        if (dflt) {
          this._take(dflt, "timeout");
          return;
        }
        policy = "pause";
      }
      if (policy === "loop") {
        this._loop();
        return;
      }
      ch.pause = "pause";
      this._emit("paused_for_choice", { reason: "pause" });
      this._dirty = true;
    }

    _loop() {
      this._emit("scene_looped");
      this._hideTags();
      this._choice = null;
      this._pending = null;
      newPass(this._visit);
      this._t = this._sc.scene.in_ms;
      this._spinGuard();
      this._dirty = true;
    }

    _deadline() {
      const ch = this._choice;
      if (this._k === 1) {
        this._applyPolicy();
        return;
      }
      if (this._k === null) {
        ch.pause = "timers_off";
        this._emit("paused_for_choice", { reason: "timers_off" });
      } else {
        // The factor in force now (set_timers may have changed it since choice_shown).
        const cp = this._sc.scene.choice;
        ch.pause = "extended";
        ch.extClock = ch.shownClock + (cp.decision_ms - cp.appear_ms) * this._k;
        this._emit("paused_for_choice", { reason: "extended" });
        if (ch.extClock <= this._clock) this._applyPolicy();
      }
      this._dirty = true;
    }

    /* ---- the instant ---- */

    _settle() {
      while (this._dirty && !this._ended) {
        this._dirty = false;
        this._process();
      }
    }

    _process() {
      if (this._pausingPromptOpen()) return;
      const sc = this._sc;
      const v = this._visit;
      const t = this._t;
      const scene = sc.scene;
      for (const tag of scene.tags) {
        if (v.tagsVisible.has(tag.id) && tag.end_ms <= t) {
          v.tagsVisible.delete(tag.id);
          this._emit("product_tag_hidden", { tag: tag.id, product: tag.product });
        }
      }
      for (const tag of scene.tags) {
        if (!v.tagsSeen.has(tag.id) && tag.start_ms <= t && t < tag.end_ms) {
          v.tagsSeen.add(tag.id);
          v.tagsVisible.add(tag.id);
          this._emit("product_tag_shown", {
            tag: tag.id,
            product: tag.product,
            hotspot: hotspotJson(tag.hotspot),
            cta: tag.cta,
          });
        }
      }
      for (const p of scene.prompts) {
        if (!v.promptsSeen.has(p.id) && p.at_ms <= t) {
          v.promptsSeen.add(p.id);
          v.openPrompts.push(p);
          this._emit("prompt_shown", { prompt: p.id, goal: p.goal, amount: p.amount, text: p.text, pause: p.pause });
          if (p.pause) return;
        }
      }
      const cp = scene.choice;
      if (cp !== null && !v.choiceDone && cp.appear_ms <= t) {
        v.choiceDone = true;
        const remembered = cp.one_shot ? sc.options.get(this._answered[sc.id]) : undefined;
        if (remembered !== undefined && this._visible(remembered)) {
          this._take(remembered, "remembered");
          return;
        }
        const visible = cp.options.filter((o) => this._visible(o));
        if (visible.length) this._showChoice(visible);
      }
      if (cp !== null && this._choice !== null && !v.deadlineDone && t >= cp.decision_ms) {
        v.deadlineDone = true;
        this._deadline();
        return;
      }
      if (t >= sc.out) {
        if (!v.endDone) {
          v.endDone = true;
          this._hideTags();
          this._expirePrompts();
        }
        if (v.taken !== null) this._enter(v.taken.target);
        else if (scene.next !== null) this._enter(scene.next); // continue automatically: not a decision
        else if (scene.ending) this._endReached(false);
        else if (this._choice === null) this._endReached(true);
      }
    }

    /* ---- driving ---- */

    /**
     * (Re)start at `fromScene` (default: the project start) with variable
     * overrides, as playthrough `playthrough` (default "p1"). `replay`: not
     * the viewer's first playthrough of this drama; its deposits are real only
     * if the project's replay_deposits is set (otherwise deposit_simulated).
     */
    start(fromScene, variables, playthrough, replay) {
      const pt = playthrough === undefined ? "p1" : playthrough;
      const again = replay === undefined ? false : replay;
      if (typeof pt !== "string" || !PLAYTHROUGH_RE.test(pt)) {
        throw new StartError(`playthrough id must match ${PLAYTHROUGH_PATTERN}, got ${pyRepr(pt)}`);
      }
      if (typeof again !== "boolean") throw new StartError(`replay must be true or false, got ${pyRepr(again)}`);
      const sceneId = fromScene !== undefined && fromScene !== null ? fromScene : this.project.start;
      if (sceneId === null || sceneId === undefined) throw new StartError("the project has no start scene");
      if (!this._scenes.has(sceneId)) throw new StartError(`unknown scene '${sceneId}'`);
      const declared = new Map(this.project.variables.map((v) => [v.id, v.type]));
      const overrides = variables || {};
      for (const name of Object.keys(overrides)) {
        const kind = declared.get(name);
        const value = overrides[name];
        if (kind === undefined) throw new StartError(`unknown variable '${name}'`);
        if (typeName(value) !== kind) {
          throw new StartError(`variable '${name}' is ${kind}, got ${typeName(value)} ${pyRepr(value)}`);
        }
        if (kind === "int" && !Number.isSafeInteger(value)) {
          throw new StartError(`variable '${name}' is outside ±${MAX_SAFE} (2**53 - 1), got ${pyRepr(value)}`);
        }
      }
      this._reset();
      Object.assign(this._vars, overrides);
      this._started = true;
      this._playthrough = pt;
      this._replay = again;
      this._real = !again || this.project.replay_deposits === true;
      const first = this._scenes.get(sceneId);
      this._out.push({
        type: "playthrough_started",
        clock: this._clock,
        scene: sceneId,
        t: first.scene.in_ms,
        playthrough: pt,
        replay: again,
        real_deposits: this._real,
      });
      this._enter(sceneId);
      this._settle();
      return this._takeEvents();
    }

    /** Let `ms` milliseconds of clock pass, processing everything due on the way. */
    advance(ms) {
      this._requireStarted();
      if (!isInt(ms) || ms < 0) throw new InputError(`advance needs a non-negative int of ms, got ${pyRepr(ms)}`);
      const target = this._clock + ms;
      while (!this._ended) {
        if (this._playing()) {
          const nxt = nextTime(this._sc, this._t);
          if (nxt === null || this._clock + (nxt - this._t) > target) {
            this._t += target - this._clock;
            break;
          }
          this._clock += nxt - this._t;
          this._t = nxt;
          this._dirty = true;
          this._settle();
        } else if (this._choice !== null && this._choice.extClock !== null) {
          if (this._choice.extClock > target) break;
          this._clock = this._choice.extClock;
          this._applyPolicy();
          this._settle();
        } else {
          break;
        }
      }
      this._clock = target;
      return this._takeEvents();
    }

    /** Clock of the next instant with something due (null: ended or waiting for the viewer). */
    nextWakeClock() {
      if (!this._started || this._ended) return null;
      if (this._playing()) {
        const nxt = nextTime(this._sc, this._t);
        return nxt === null ? null : this._clock + nxt - this._t;
      }
      if (this._choice !== null && this._choice.extClock !== null) return this._choice.extClock;
      return null;
    }

    /** The next clip time (> t) of the current scene's schedule, or null. */
    nextItemTime() {
      return this._sc && !this._ended ? nextTime(this._sc, this._t) : null;
    }

    /* ---- viewer inputs ---- */

    choose(optionId) {
      this._requireStarted();
      const ch = this._choice;
      if (ch === null || this._ended) throw new InputError(`cannot choose '${optionId}': no choice is open`);
      const option = ch.options.find((o) => o.id === optionId);
      if (!option) {
        throw new InputError(
          `option '${optionId}' is not a visible option of the choice in scene '${this._sc.id}'`
        );
      }
      this._take(option, "viewer");
      this._settle();
      return this._takeEvents();
    }

    _oldestPrompt(verb) {
      this._requireStarted();
      if (this._ended || !this._visit.openPrompts.length) {
        throw new InputError(`cannot ${verb} a prompt: no prompt is open`);
      }
    }

    acceptPrompt() {
      this._oldestPrompt("accept");
      const p = this._visit.openPrompts.shift();
      this._emit("prompt_accepted", { prompt: p.id });
      this._deposit(p.goal, p.amount, "prompt", p.id);
      this._applyEffects(p.accept_effects, "prompt_accept", p.id);
      this._dirty = true;
      this._settle();
      return this._takeEvents();
    }

    declinePrompt() {
      this._oldestPrompt("decline");
      const p = this._visit.openPrompts.shift();
      this._emit("prompt_declined", { prompt: p.id, by: "viewer" });
      this._applyEffects(p.decline_effects, "prompt_decline", p.id);
      this._dirty = true;
      this._settle();
      return this._takeEvents();
    }

    clickProduct(tagId) {
      this._requireStarted();
      if (this._ended || !this._visit.tagsVisible.has(tagId)) throw new InputError(`tag '${tagId}' is not shown`);
      const tag = this._sc.tags.get(tagId);
      const prod = this._products.get(tag.product);
      this._emit("product_clicked", {
        tag: tag.id,
        product: prod.id,
        sku: prod.sku,
        name: prod.name,
        price: prod.price,
        currency: prod.currency,
        url: prod.url,
      });
      return this._takeEvents();
    }

    /** Return to the most recent decision (its choice_shown), restoring the state; later deposits become rewound. */
    back() {
      this._requireStarted();
      if (this._abandoned) throw new InputError("cannot go back: this playthrough was abandoned");
      if (!this._decisions.length) throw new InputError("cannot go back: no earlier decision");
      const snap = this._decisions.pop();
      this._book.rewind(snap.depositsLen);
      this._emit("went_back", {
        to_scene: snap.scene,
        to_t: snap.t,
        variables: sortedObject(snap.variables),
        saved: sortedObject(this._book.saved),
      });
      this._ended = false;
      this._sc = this._scenes.get(snap.scene);
      this._t = snap.t;
      this._vars = dict(snap.variables);
      this._answered = dict(snap.answered);
      this._path.length = snap.pathLen;
      const v = (this._visit = freshVisit());
      v.promptsSeen = new Set(snap.promptsSeen);
      v.tagsSeen = new Set(snap.tagsSeen);
      v.choiceDone = true;
      for (const tag of this._sc.scene.tags) {
        if (snap.tagsVisible.has(tag.id)) {
          v.tagsVisible.add(tag.id);
          this._emit("product_tag_shown", {
            tag: tag.id,
            product: tag.product,
            hotspot: hotspotJson(tag.hotspot),
            cta: tag.cta,
          });
        }
      }
      this._showChoice(snap.optionIds.map((id) => this._sc.options.get(id)));
      this._dirty = true;
      this._settle();
      return this._takeEvents();
    }

    /* ---- host inputs ---- */

    /** The host's answer to a deposit_requested (unknown or repeated answers change nothing). */
    depositResult(depositId, ok, reason) {
      this._requireStarted();
      const why = reason === undefined ? null : reason;
      if (typeof depositId !== "string" || typeof ok !== "boolean") {
        throw new InputError(
          `deposit_result needs a string deposit_id and a bool ok, got ${pyRepr(depositId)}, ${pyRepr(ok)}`
        );
      }
      if (why !== null && typeof why !== "string") {
        throw new InputError(`deposit_result reason must be a string or null, got ${pyRepr(why)}`);
      }
      this._answer(depositId, ok, why);
      return this._takeEvents();
    }

    /** Change the choice timers from now on (WCAG 2.2.1); timers_changed unless unchanged. */
    setTimers(timers) {
      this._requireStarted();
      if (typeof timers !== "string" || !hasOwn(TIMER_FACTOR, timers)) {
        throw new InputError(`unknown timers setting ${pyRepr(timers)} (normal, x2, x10, off)`);
      }
      if (timers === this.timers) return [];
      this.timers = timers;
      this._k = TIMER_FACTOR[timers];
      this._emit("timers_changed", { timers });
      const ch = this._choice;
      if (ch !== null && !this._ended && ch.pause === "extended" && this._k === null) {
        ch.pause = "timers_off";
        ch.extClock = null;
        this._emit("paused_for_choice", { reason: "timers_off" });
      }
      return this._takeEvents();
    }

    /** Another playthrough starts before this one ended: cancel the rewound deposits; end. */
    abandon() {
      this._requireStarted();
      this._cancelRewound(null);
      this._ended = true;
      this._abandoned = true;
      this._choice = null;
      return this._takeEvents();
    }

    _requireStarted() {
      if (!this._started) throw new InputError("the engine has not started (call start() first)");
    }

    /* ---- read-only state (same names as the Python engine, camelCased) ---- */

    get started() {
      return this._started;
    }

    get ended() {
      return this._ended;
    }

    get clock() {
      return this._clock;
    }

    get t() {
      return this._t;
    }

    get sceneId() {
      return this._sc ? this._sc.id : null;
    }

    /** The compiled current scene's resolved trim end. */
    get outMs() {
      return this._sc ? this._sc.out : null;
    }

    /** True while playback does not move (prompt, choice pause, waiting at the end). */
    get paused() {
      return this._started && !this._ended && !this._playing();
    }

    get playing() {
      return this._playing();
    }

    /** True when only a viewer input can make the story progress. */
    get waiting() {
      return this.paused && this.nextWakeClock() === null;
    }

    get pauseReason() {
      return this._choice !== null ? this._choice.pause : null;
    }

    get pausingPromptOpen() {
      return this._pausingPromptOpen();
    }

    /** The open choice: {scene, options (model objects), deadlineMs, timeoutMs, timeout, countdown, shownClock, paused}. */
    get openChoice() {
      const ch = this._choice;
      const cp = this._sc ? this._sc.scene.choice : null;
      if (ch === null || cp === null) return null;
      return {
        scene: this._sc.id,
        options: ch.options.slice(),
        deadlineMs: cp.decision_ms,
        timeoutMs: ch.timeoutMs,
        timeout: cp.timeout,
        countdown: cp.show_countdown,
        shownClock: ch.shownClock,
        paused: ch.pause,
      };
    }

    /** Ids of open savings prompts, oldest first. */
    get openPrompts() {
      return this._visit.openPrompts.map((p) => p.id);
    }

    /** Ids of shown product tags (model order). */
    get shownTags() {
      if (!this._sc) return [];
      return this._sc.scene.tags.filter((x) => this._visit.tagsVisible.has(x.id)).map((x) => x.id);
    }

    get variables() {
      return sortedObject(this._vars);
    }

    /** Goal -> confirmed total (what conditions read as saved.<goal>). */
    get saved() {
      return sortedObject(this._book.saved);
    }

    /** Goal -> total of deposits still waiting for the host's answer. */
    get pending() {
      return sortedObject(this._book.pending);
    }

    /** The deposit_requested event of every pending deposit, in order (what a reloaded player re-sends). */
    pendingRequests() {
      return this._book.pendingRequests();
    }

    get playthrough() {
      return this._playthrough;
    }

    get replay() {
      return this._replay;
    }

    /** Whether deposits of this playthrough go to the host (else deposit_simulated). */
    get realDeposits() {
      return this._real;
    }

    get path() {
      return this._path.slice();
    }

    get canGoBack() {
      return this._decisions.length > 0 && !this._abandoned;
    }

    /** Scene ids that could come next from the current scene (for pre-rolling video). */
    nextSceneCandidates() {
      if (!this._sc || this._ended) return [];
      if (this._visit.taken !== null) return [this._visit.taken.target];
      if (this._sc.scene.next !== null) return [this._sc.scene.next];
      const cp = this._sc.scene.choice;
      // No choice point, or it was skipped (all options hidden): a dead end.
      if (cp === null || (this._visit.choiceDone && this._choice === null)) return [];
      const options = this._choice !== null ? this._choice.options : cp.options;
      return Array.from(new Set(options.map((o) => o.target)));
    }
  }

  /* ---------------------------------------------------------------------
   * Trace runner (what `studio play` and the vectors use): a port of
   * studio/engine/runner.py.
   * ------------------------------------------------------------------- */

  const MAX_INPUT_TEXT = 1000;
  // Each action's fields besides "at"/"action": [name, required, kind]; the first is the input's `arg`.
  const INPUT_FIELDS = {
    choose: [["option", true, "id"]],
    accept_prompt: [],
    decline_prompt: [],
    click_product: [["tag", true, "id"]],
    back: [],
    deposit_result: [
      ["deposit_id", true, "id"],
      ["ok", true, "bool"],
      ["reason", false, "text"],
    ],
    set_timers: [["timers", true, "timers"]],
    abandon: [],
  };
  const ACTIONS = Object.keys(INPUT_FIELDS);

  function inputField(here, name, kind, value) {
    if (kind === "bool") {
      if (typeof value !== "boolean") throw new InputListError(`${here} > ${name}: must be true or false, got ${pyRepr(value)}`);
    } else if (kind === "timers") {
      if (typeof value !== "string" || !hasOwn(TIMER_FACTOR, value)) {
        throw new InputListError(`${here} > ${name}: must be one of normal, x2, x10, off, got ${pyRepr(value)}`);
      }
    } else if (kind === "text") {
      if (value !== null && (typeof value !== "string" || pyLen(value) > MAX_INPUT_TEXT)) {
        throw new InputListError(`${here} > ${name}: must be null or a string of at most ${MAX_INPUT_TEXT} characters`);
      }
    } else if (typeof value !== "string" || !value || pyLen(value) > MAX_INPUT_TEXT) {
      throw new InputListError(`${here} > ${name}: must be a non-empty string id, got ${pyRepr(value)}`);
    }
    return value;
  }

  /** Validate a JSON input list -> [{at, action, arg, ok, reason}]; InputListError names `inputs[i] > field`. */
  function parseInputs(raw) {
    if (!Array.isArray(raw)) throw new InputListError("inputs: must be a JSON list of input objects");
    const out = [];
    let previous = 0;
    raw.forEach((entry, i) => {
      const here = `inputs[${i}]`;
      if (!isMapping(entry)) throw new InputListError(`${here}: must be an object`);
      const action = entry.action;
      if (typeof action !== "string" || !hasOwn(INPUT_FIELDS, action)) {
        throw new InputListError(`${here} > action: must be one of ${ACTIONS.join(", ")}, got ${pyRepr(action)}`);
      }
      const fields = INPUT_FIELDS[action];
      for (const extra of Object.keys(entry)) {
        if (extra !== "at" && extra !== "action" && !fields.some(([name]) => name === extra)) {
          throw new InputListError(`${here} > ${extra}: unknown field for action '${action}'`);
        }
      }
      const at = entry.at;
      if (!isInt(at) || at < 0) throw new InputListError(`${here} > at: must be a non-negative integer (ms), got ${pyRepr(at)}`);
      if (at < previous) throw new InputListError(`${here} > at: ${at} is before the previous entry's ${previous}`);
      const values = {};
      for (const [name, required, kind] of fields) {
        if (!hasOwn(entry, name) && required) throw new InputListError(`${here} > ${name}: missing for action '${action}'`);
        values[name] = inputField(here, name, kind, entry[name] === undefined ? null : entry[name]);
      }
      previous = at;
      const arg = fields.length ? values[fields[0][0]] : null;
      out.push({
        at,
        action,
        arg,
        ok: hasOwn(values, "ok") ? values.ok : null,
        reason: hasOwn(values, "reason") ? values.reason : null,
      });
    });
    return out;
  }

  /** Apply one input (parsed, or a raw input object) to `engine` now (InputError if not possible). */
  function applyInput(engine, input) {
    const fields = INPUT_FIELDS[input.action] || [];
    const arg = input.arg !== undefined ? input.arg : fields.length ? input[fields[0][0]] : null;
    switch (input.action) {
      case "choose":
        return engine.choose(arg);
      case "click_product":
        return engine.clickProduct(arg);
      case "accept_prompt":
        return engine.acceptPrompt();
      case "decline_prompt":
        return engine.declinePrompt();
      case "deposit_result":
        return engine.depositResult(arg, input.ok, input.reason === undefined ? null : input.reason);
      case "set_timers":
        return engine.setTimers(arg);
      case "abandon":
        return engine.abandon();
      default:
        return engine.back();
    }
  }

  function applyDefault(engine) {
    if (engine.pausingPromptOpen) return engine.declinePrompt();
    const choice = engine.openChoice;
    if (choice === null) throw new InputError(`scene '${engine.sceneId}': waiting with no prompt or choice open`);
    const option = choice.options.find((o) => o.default) || choice.options[0];
    return engine.choose(option.id);
  }

  /**
   * The contract's trace runner. `start` is {from, variables, timers,
   * playthrough, replay, wallet} (as in a vector file; playthrough "p1",
   * replay false and wallet "accept" by default; wallet may also be a
   * SimulatedWallet); returns the events as JSON objects.
   */
  function runTrace(project, start, inputs, limitMs) {
    const s = start || {};
    const parsed = parseInputs(inputs || []);
    const limit = limitMs === undefined || limitMs === null ? DEFAULT_LIMIT_MS : limitMs;
    const spec = s.wallet === undefined ? "accept" : s.wallet;
    const wallet = spec instanceof SimulatedWallet ? spec : SimulatedWallet.fromJson(spec);
    const engine = new Engine(project, s.timers, wallet);
    const events = engine.start(s.from, s.variables || {}, s.playthrough, s.replay);
    const push = (list) => {
      for (const e of list) events.push(e);
    };
    const stop = () => {
      events.push({ type: "stopped", clock: engine.clock, scene: engine.sceneId || "", t: engine.t, reason: "limit" });
      return events;
    };
    for (let i = 0; i < parsed.length; i++) {
      const inp = parsed[i];
      if (inp.at >= limit) {
        push(engine.advance(limit - engine.clock));
        return engine.ended ? events : stop();
      }
      push(engine.advance(inp.at - engine.clock));
      try {
        push(applyInput(engine, inp));
      } catch (err) {
        if (err instanceof InputError) throw new InputError(`inputs[${i}] (${inp.action} at ${inp.at}): ${err.message}`);
        throw err;
      }
    }
    while (!engine.ended) {
      if (engine.clock >= limit) return stop();
      if (engine.waiting) {
        push(applyDefault(engine));
        continue;
      }
      const wake = engine.nextWakeClock();
      const target = wake === null ? limit : Math.min(wake, limit);
      push(engine.advance(target - engine.clock));
    }
    return events;
  }

  /** Run a vector object ({project, start, inputs, limit_ms}); `project` overrides a {"sample"} reference. */
  function runVector(vector, project) {
    return runTrace(project || vector.project, vector.start || {}, vector.inputs || [], vector.limit_ms);
  }

  return {
    CONTRACT_VERSION,
    DEFAULT_LIMIT_MS,
    Engine,
    SimulatedWallet,
    EngineError,
    StartError,
    InputError,
    InputListError,
    ZeroTimeLoopError,
    WalletSpecError,
    ConditionError,
    normalize,
    parseInputs,
    applyInput,
    evaluate,
    truthy,
    runTrace,
    runVector,
  };
});
