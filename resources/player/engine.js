/*
 * Drama Studio story engine (event contract version 1), JavaScript port.
 *
 * A pure, deterministic runtime: no DOM, no wall clock. The caller drives it
 * with advance(ms) and viewer inputs; every method returns the events it
 * emitted (JSON objects of docs/engine-contract.md). It mirrors the Python
 * engine (studio/engine/core.py, engine.py, runner.py) rule by rule and must
 * produce exactly the same traces for every case in tests/vectors/.
 *
 *   const engine = new DramaEngine.Engine(projectJson, "normal");
 *   engine.start(null, {});  engine.advance(1500);  engine.choose("save");
 *   DramaEngine.runTrace(projectJson, {from, variables, timers}, inputs, limitMs);
 *
 * Loadable as a plain <script> (defines globalThis.DramaEngine) and from Node
 * (module.exports). No dependencies.
 */
(function (root, factory) {
  "use strict";
  const api = factory();
  if (typeof module === "object" && module && module.exports) {
    module.exports = api;
  } else {
    root.DramaEngine = api;
  }
})(typeof globalThis !== "undefined" ? globalThis : this, function () {
  "use strict";

  const CONTRACT_VERSION = 1;
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

  class ConditionError extends Error {
    constructor(message) {
      super(message);
      this.name = "ConditionError";
    }
  }

  /* ---------------------------------------------------------------------
   * Conditions: the JsonLogic subset of studio/model/conditions.py.
   * Python semantics are mirrored exactly: == needs equal value AND the same
   * JSON type at the top level; inside lists, Python list equality applies.
   * ------------------------------------------------------------------- */

  function isInt(v) {
    return typeof v === "number" && Number.isInteger(v);
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
        return args.reduce((sum, a) => sum + num(a, op), 0);
      case "-": {
        const nums = args.map((a) => num(a, op));
        return nums.length === 1 ? -nums[0] : nums[0] - nums[1];
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
   * ------------------------------------------------------------------- */

  function copy(value) {
    return JSON.parse(JSON.stringify(value));
  }

  function dflt(obj, key, value) {
    if (obj[key] === undefined) obj[key] = value;
  }

  function normalize(raw) {
    if (!isMapping(raw)) throw new StartError("the project must be a JSON object");
    const p = copy(raw);
    dflt(p, "currency", "CNY");
    for (const key of ["variables", "goals", "products", "media", "scenes"]) dflt(p, key, []);
    dflt(p, "start", null);
    for (const g of p.goals) dflt(g, "cap", null);
    for (const x of p.products) {
      dflt(x, "price", null);
      dflt(x, "currency", "CNY");
      dflt(x, "image", null);
      dflt(x, "url", null);
    }
    const effects = (list) => {
      for (const e of list) dflt(e, "op", "set");
      return list;
    };
    for (const s of p.scenes) {
      dflt(s, "in_ms", 0);
      dflt(s, "out_ms", null);
      dflt(s, "ending", false);
      dflt(s, "ending_kind", null);
      dflt(s, "on_enter", []);
      dflt(s, "choice", null);
      dflt(s, "prompts", []);
      dflt(s, "tags", []);
      effects(s.on_enter);
      if (s.choice) {
        const c = s.choice;
        dflt(c, "timeout", "default");
        dflt(c, "mode", "cut");
        dflt(c, "show_countdown", true);
        dflt(c, "one_shot", false);
        for (const o of c.options) {
          dflt(o, "condition", null);
          dflt(o, "effects", []);
          dflt(o, "deposit", null);
          dflt(o, "hotspot", null);
          dflt(o, "default", false);
          effects(o.effects);
        }
      }
      for (const pr of s.prompts) {
        dflt(pr, "accept_effects", []);
        dflt(pr, "decline_effects", []);
        dflt(pr, "pause", true);
        effects(pr.accept_effects);
        effects(pr.decline_effects);
      }
      for (const tag of s.tags) dflt(tag, "cta", "Shop now");
    }
    return p;
  }

  /** Per-scene schedule: the sorted clip times in (in_ms, out] where something may be due. */
  function compileScene(scene, durations) {
    const out = scene.out_ms !== null ? scene.out_ms : durations.get(scene.media);
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
    return value === null ? "NoneType" : typeof value;
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

  /* ---------------------------------------------------------------------
   * The engine: a line-by-line port of studio/engine/core.py + engine.py.
   * Processing an instant is idempotent; every change that may make more
   * items due at the same instant sets _dirty and _settle() re-processes.
   * ------------------------------------------------------------------- */

  class Engine {
    constructor(project, timers) {
      const mode = timers === undefined || timers === null ? "normal" : timers;
      if (!Object.prototype.hasOwnProperty.call(TIMER_FACTOR, mode)) {
        throw new StartError(`unknown timers setting '${mode}'`);
      }
      this.project = normalize(project);
      this.timers = mode;
      this._k = TIMER_FACTOR[mode];
      const durations = new Map(this.project.media.map((m) => [m.id, m.duration_ms]));
      this._scenes = new Map(this.project.scenes.map((s) => [s.id, compileScene(s, durations)]));
      this._goals = new Map(this.project.goals.map((g) => [g.id, g]));
      this._products = new Map(this.project.products.map((x) => [x.id, x]));
      this._reset();
    }

    _reset() {
      this._started = false;
      this._ended = false;
      this._clock = 0;
      this._t = 0;
      this._sc = null;
      this._vars = {};
      for (const v of this.project.variables) this._vars[v.id] = v.default;
      this._saved = {};
      for (const g of this.project.goals) this._saved[g.id] = 0;
      this._answered = {};
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
    }

    _takeEvents() {
      const out = this._out;
      this._out = [];
      return out;
    }

    _varsJson() {
      const out = {};
      for (const k of Object.keys(this._vars).sort()) out[k] = this._vars[k];
      return out;
    }

    _savedJson() {
      const out = {};
      for (const k of Object.keys(this._saved).sort()) out[k] = this._saved[k];
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
      const env = Object.assign({}, this._vars);
      for (const g of Object.keys(this._saved)) env[SAVED_PREFIX + g] = this._saved[g];
      try {
        return truthy(evaluate(option.condition, env));
      } catch (err) {
        if (err instanceof ConditionError) return false; // an unevaluable condition hides its option
        throw err;
      }
    }

    /* ---- effects and deposits ---- */

    _applyEffects(effects, source, item) {
      if (!effects.length) return;
      const touched = new Set();
      for (const e of effects) {
        if (e.op === "set") this._vars[e.var] = e.value;
        else if (e.op === "add") this._vars[e.var] = this._vars[e.var] + e.value;
        else this._vars[e.var] = this._vars[e.var] - e.value;
        touched.add(e.var);
      }
      const changed = {};
      for (const k of Array.from(touched).sort()) changed[k] = this._vars[k];
      this._emit("effects_applied", { source, item, variables: changed });
    }

    _deposit(goalId, requested, source, item) {
      const goal = this._goals.get(goalId);
      let amount = requested;
      if (goal.cap !== null) amount = Math.min(requested, goal.cap - this._saved[goalId]);
      if (amount <= 0) return;
      this._saved[goalId] += amount;
      this._emit("deposit_requested", {
        goal: goalId,
        amount,
        requested,
        currency: this.project.currency,
        total: this._saved[goalId],
        source,
        item,
      });
    }

    /* ---- scenes ---- */

    _enter(sceneId) {
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
      this._emit("ending_reached", {
        kind,
        dead_end: deadEnd,
        variables: this._varsJson(),
        saved: this._savedJson(),
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
        variables: Object.assign({}, this._vars),
        saved: Object.assign({}, this._saved),
        answered: Object.assign({}, this._answered),
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
        ch.pause = "extended";
        ch.extClock = ch.shownClock + ch.timeoutMs;
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
        else if (scene.ending) this._endReached(false);
        else if (this._choice === null) this._endReached(true);
      }
    }

    /* ---- driving ---- */

    /** (Re)start at `fromScene` (default: the project start) with variable overrides. */
    start(fromScene, variables) {
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
          throw new StartError(`variable '${name}' is ${kind}, got ${typeName(value)} ${JSON.stringify(value)}`);
        }
      }
      this._reset();
      Object.assign(this._vars, overrides);
      this._started = true;
      this._enter(sceneId);
      this._settle();
      return this._takeEvents();
    }

    /** Let `ms` milliseconds of clock pass, processing everything due on the way. */
    advance(ms) {
      this._requireStarted();
      if (!isInt(ms) || ms < 0) throw new InputError(`advance needs a non-negative int of ms, got ${ms}`);
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

    back() {
      this._requireStarted();
      if (!this._decisions.length) throw new InputError("cannot go back: no earlier decision");
      const snap = this._decisions.pop();
      const vars = {};
      for (const k of Object.keys(snap.variables).sort()) vars[k] = snap.variables[k];
      const saved = {};
      for (const k of Object.keys(snap.saved).sort()) saved[k] = snap.saved[k];
      this._emit("went_back", { to_scene: snap.scene, to_t: snap.t, variables: vars, saved });
      this._ended = false;
      this._sc = this._scenes.get(snap.scene);
      this._t = snap.t;
      this._vars = Object.assign({}, snap.variables);
      this._saved = Object.assign({}, snap.saved);
      this._answered = Object.assign({}, snap.answered);
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
      return this._varsJson();
    }

    get saved() {
      return this._savedJson();
    }

    get path() {
      return this._path.slice();
    }

    get canGoBack() {
      return this._decisions.length > 0;
    }

    /** Scene ids that could come next from the current scene (for pre-rolling video). */
    nextSceneCandidates() {
      if (!this._sc || this._ended) return [];
      if (this._visit.taken !== null) return [this._visit.taken.target];
      const cp = this._sc.scene.choice;
      if (cp === null) return [];
      const options = this._choice !== null ? this._choice.options : cp.options;
      return Array.from(new Set(options.map((o) => o.target)));
    }
  }

  /* ---------------------------------------------------------------------
   * Trace runner (what `studio play` and the vectors use): a port of
   * studio/engine/runner.py.
   * ------------------------------------------------------------------- */

  const INPUT_ARG = { choose: "option", accept_prompt: null, decline_prompt: null, click_product: "tag", back: null };

  function parseInputs(raw) {
    if (!Array.isArray(raw)) throw new InputListError("inputs: must be a JSON list of input objects");
    const out = [];
    let previous = 0;
    raw.forEach((entry, i) => {
      const here = `inputs[${i}]`;
      if (!isMapping(entry)) throw new InputListError(`${here}: must be an object`);
      const action = entry.action;
      if (!Object.prototype.hasOwnProperty.call(INPUT_ARG, action)) {
        throw new InputListError(`${here} > action: must be one of ${Object.keys(INPUT_ARG).join(", ")}, got ${JSON.stringify(action)}`);
      }
      const key = INPUT_ARG[action];
      for (const extra of Object.keys(entry)) {
        if (extra !== "at" && extra !== "action" && extra !== key) {
          throw new InputListError(`${here} > ${extra}: unknown field for action '${action}'`);
        }
      }
      const at = entry.at;
      if (!isInt(at) || at < 0) throw new InputListError(`${here} > at: must be a non-negative integer (ms), got ${JSON.stringify(at)}`);
      if (at < previous) throw new InputListError(`${here} > at: ${at} is before the previous entry's ${previous}`);
      let arg = null;
      if (key !== null) {
        arg = entry[key];
        if (typeof arg !== "string" || !arg) {
          throw new InputListError(`${here} > ${key}: must be a non-empty string id, got ${JSON.stringify(arg)}`);
        }
      }
      previous = at;
      out.push({ at, action, arg });
    });
    return out;
  }

  function applyInput(engine, input) {
    const arg = input.arg !== undefined ? input.arg : input[INPUT_ARG[input.action]];
    switch (input.action) {
      case "choose":
        return engine.choose(arg);
      case "click_product":
        return engine.clickProduct(arg);
      case "accept_prompt":
        return engine.acceptPrompt();
      case "decline_prompt":
        return engine.declinePrompt();
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
   * The contract's trace runner. `start` is {from, variables, timers} (as in
   * a vector file); returns the events as JSON objects.
   */
  function runTrace(project, start, inputs, limitMs) {
    const s = start || {};
    const parsed = parseInputs(inputs || []);
    const limit = limitMs === undefined || limitMs === null ? DEFAULT_LIMIT_MS : limitMs;
    const engine = new Engine(project, s.timers);
    const events = engine.start(s.from, s.variables || {});
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
    Engine,
    EngineError,
    StartError,
    InputError,
    InputListError,
    ZeroTimeLoopError,
    ConditionError,
    normalize,
    parseInputs,
    evaluate,
    truthy,
    runTrace,
    runVector,
  };
});
