/*
 * What the viewer is told about money: the savings card (one row per
 * deposit: "Saving ¥50.00…", "Saved ¥50.00", "Couldn't save: <reason>"), the
 * sentences for the aria-live announcer, the note of the prompt and ending
 * cards, and the ending card's totals (confirmed; pending ones as pending).
 *
 * Honesty rules: a deposit is "Saved" only once it is confirmed (by the host,
 * or by the player's own wallet in a preview, which says "Preview: no money
 * moves"); a replay whose deposits are not real says that no money moves.
 * Everything is set with textContent; a host's refusal reason is untrusted
 * text: control characters dropped, at most REASON_CHARS characters shown.
 */
(function (root) {
  "use strict";

  const doc = root.document;
  const $ = (id) => doc.getElementById(id);
  const { el } = root.DramaUI;
  const word = (key, values) => root.DramaWords.word(key, values);

  const REASON_CHARS = 80;
  const SETTLED_ROW_MS = 6000; // a settled row stays this long (pending rows stay until answered)
  const MAX_ROWS = 4;
  const REASONS = {
    insufficient_balance: "money.reason_balance",
    refused: "money.reason_refused",
    conflict: "money.reason_conflict",
  };

  /** A host's reason as safe, short display text. */
  function reasonText(reason) {
    if (typeof reason !== "string" || reason.trim() === "") return word("money.reason_none");
    if (Object.prototype.hasOwnProperty.call(REASONS, reason)) return word(REASONS[reason]);
    const clean = reason.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\s]+/g, " ").trim();
    const chars = Array.from(clean);
    return chars.length > REASON_CHARS ? chars.slice(0, REASON_CHARS - 1).join("") + "\u2026" : clean;
  }

  class MoneyCard {
    /**
     * `goals`: Map goal id -> goal; `currency`: the drama's currency; `format(amount, currency)`:
     * money as the drama's locale writes it (DramaText.Filler.money).
     */
    constructor(goals, currency, format) {
      this.goals = goals;
      this.currency = currency;
      this.format = format;
      this.card = $("savings");
      this.list = $("savings-list");
      this.note = $("savings-note");
      this.rows = new Map(); // deposit_id -> {node, state, timer}
      this.mode = "preview"; // "host" | "preview"
      this.real = true; // this playthrough's deposits are real
    }

    /** A new playthrough: `hostMode` (someone answers deposits), `real` (playthrough_started.real_deposits). */
    begin(hostMode, real) {
      this.mode = hostMode ? "host" : "preview";
      this.real = real;
      this.clear();
      const note = this.modeNote();
      $("prompt-note").textContent = note;
      $("prompt-note").hidden = note === "";
    }

    /** "" in host mode with real deposits; otherwise why no money moves. */
    modeNote() {
      if (!this.real) return word("money.replay");
      return this.mode === "preview" ? word("money.preview") : "";
    }

    goalName(id) {
      const goal = this.goals.get(id);
      return goal ? goal.name : id;
    }

    money(amount, currency) {
      return this.format(amount, currency || this.currency);
    }

    clear() {
      for (const row of this.rows.values()) root.clearTimeout(row.timer);
      this.rows.clear();
      this.list.replaceChildren();
      this.card.hidden = true;
    }

    /** The texts changed language: goal names from `goals`, the rows' and note's words again. */
    retext(goals) {
      this.goals = goals;
      for (const row of this.rows.values()) {
        row.node.querySelector(".savings-goal").textContent = this.goalName(row.goal);
        row.node.querySelector(".savings-status").textContent = row.say();
      }
      if (this.rows.size > 0) {
        this.note.textContent = this.modeNote();
        this.note.hidden = this.note.textContent === "";
      }
    }

    /**
     * Show or update the row of one deposit; `state` "pending" | "saved" | "refused" | "simulated" |
     * "cancelled"; `say()` its status words (asked again when the language changes).
     */
    setRow(e, state, say) {
      const status = say();
      let row = this.rows.get(e.deposit_id);
      if (!row) {
        const node = el("li", "savings-row");
        node.dataset.deposit = e.deposit_id;
        const goalName = el("span", "savings-goal");
        goalName.dir = "auto"; // author text
        node.append(goalName, el("span", "savings-status"));
        row = { node, state, timer: 0 };
        this.rows.set(e.deposit_id, row);
        this.list.append(node);
      }
      root.clearTimeout(row.timer);
      row.state = state;
      row.goal = e.goal;
      row.say = say;
      row.node.dataset.state = state;
      row.node.querySelector(".savings-goal").textContent = this.goalName(e.goal);
      row.node.querySelector(".savings-status").textContent = status;
      if (state !== "pending") {
        row.timer = root.setTimeout(() => this.dropRow(e.deposit_id), SETTLED_ROW_MS);
      }
      while (this.rows.size > MAX_ROWS) {
        const oldest = [...this.rows.entries()].find(([, r]) => r.state !== "pending") || [...this.rows.entries()][0];
        this.dropRow(oldest[0]);
      }
      this.note.textContent = this.modeNote();
      this.note.hidden = this.note.textContent === "";
      this.card.hidden = false;
    }

    dropRow(id) {
      const row = this.rows.get(id);
      if (!row) return;
      root.clearTimeout(row.timer);
      row.node.remove();
      this.rows.delete(id);
      if (this.rows.size === 0) this.card.hidden = true;
    }

    /**
     * Update the card for one engine event; returns the sentence to announce
     * (or null). `live` false while a saved playthrough is being rebuilt.
     */
    onEvent(e, live) {
      const goal = e.goal === undefined ? "" : this.goalName(e.goal);
      switch (e.type) {
        case "deposit_requested": {
          if (!live) return null;
          const amount = this.money(e.amount, e.currency);
          this.setRow(e, "pending", () => word("money.saving", { amount: this.money(e.amount, e.currency) }));
          // A preview's own wallet answers at once: the confirmation says it all.
          return this.mode === "host" ? word("money.live_saving", { amount, goal }) : null;
        }
        case "deposit_confirmed": {
          if (!live) return null;
          const amount = this.money(e.amount);
          // a preview's card note says no money moves
          this.setRow(e, "saved", () => word("money.saved", { amount: this.money(e.amount) }));
          const key = this.mode === "preview" ? "money.live_saved_preview" : "money.live_saved";
          return word(key, { amount, goal, total: this.money(e.saved) });
        }
        case "deposit_refused": {
          if (!live) return null;
          const why = reasonText(e.reason);
          this.setRow(e, "refused", () => word("money.refused", { reason: reasonText(e.reason) }));
          return word("money.live_refused", { amount: this.money(e.amount), goal, reason: why });
        }
        case "deposit_simulated": {
          if (!live) return null;
          const amount = this.money(e.amount, e.currency);
          // the card note says no money moves
          this.setRow(e, "simulated", () => word("money.counted", { amount: this.money(e.amount, e.currency) }));
          return word("money.live_counted", { amount, goal });
        }
        case "deposit_cancelled": {
          if (!live) return null;
          const amount = this.money(e.amount);
          this.setRow(e, "cancelled", () => word("money.cancelled", { amount: this.money(e.amount) }));
          return word("money.live_cancelled", { amount, goal });
        }
        default:
          return null;
      }
    }

    /** A resumed playthrough: its still pending deposits (engine.pendingRequests()). */
    showPending(requests) {
      for (const e of requests) {
        this.setRow(e, "pending", () => word("money.saving", { amount: this.money(e.amount, e.currency) }));
      }
    }

    /**
     * The ending card's money: per goal the confirmed total (and what is still
     * pending), plus the note. `saved`/`pending`: goal id -> minor units.
     */
    endingLines(goals, saved, pending) {
      return goals.map((goal) => {
        const total = saved[goal.id] || 0;
        const waiting = pending[goal.id] || 0;
        return {
          name: goal.name,
          amount: this.money(total) + " / " + this.money(goal.target),
          fraction: goal.target > 0 ? Math.min(1, total / goal.target) : 0,
          pending: waiting > 0 ? word("money.still_saving", { amount: this.money(waiting) }) : "",
        };
      });
    }

    endingNote(anyMoney) {
      if (!this.real) return word("money.ending_replay");
      if (this.mode === "preview") return anyMoney ? word("money.ending_preview") : "";
      return "";
    }
  }

  root.DramaMoneyCard = { MoneyCard, reasonText };
})(typeof globalThis !== "undefined" ? globalThis : this);
