/*
 * What the viewer is told when a scene begins or the story ends, mixed into
 * the Player (player.js); `this` is the Player: a storyboard card's title for
 * the aria-live region, and the ending card (the ending's own title and text
 * or the vocabulary's, confirmed totals, what is still pending) with its
 * announcement.
 */
(function (root) {
  "use strict";

  const word = (key, values) => root.DramaWords.word(key, values);
  const SENTENCE_END = /[.!?\u3002\uff01\uff1f]$/;

  const Endings = {
    /** A storyboard card began: its title and the placeholder note, said. */
    announceCard(sceneId) {
      const title = this.scenes.get(sceneId).title;
      this.view.announce(word("live.placeholder", { title, note: word("placeholder.note") }));
    },

    /** The ending card with the confirmed totals now (a host may still answer after the ending). */
    showEnding(e, announce) {
      const engine = this.engine;
      const lines = this.money.endingLines(this.goals, engine.saved, engine.pending);
      const note = this.money.endingNote(this.goals.length > 0);
      const title = this.view.showEnding(e, this.scenes.get(e.scene), lines, note, engine.canGoBack);
      if (announce) {
        const totals = this.goals.map((g) => g.name + ": " + this.text.money(engine.saved[g.id] || 0)).join(", ");
        const waiting = this.goals.filter((g) => (engine.pending[g.id] || 0) > 0).map((g) => g.name);
        this.view.announce(
          title + (SENTENCE_END.test(title) ? "" : ".") + (totals ? " " + word("live.ending_saved", { totals }) : "") +
            (waiting.length ? " " + word("live.ending_waiting", { goals: waiting.join(", ") }) : "") +
            (note ? " " + note : "")
        );
      }
    },

    refreshEnding() {
      const engine = this.engine;
      const lines = this.money.endingLines(this.goals, engine.saved, engine.pending);
      this.view.renderEndingMoney(lines, this.money.endingNote(this.goals.length > 0));
    },
  };

  root.DramaEndings = Endings;
})(typeof globalThis !== "undefined" ? globalThis : this);
