/*
 * The player's view: choice buttons (with countdown and optional hotspots),
 * savings prompt card, product tag chips and product card, ending card,
 * settings menu and the aria-live announcer.
 *
 * All author text is set with textContent (never innerHTML). Links are only
 * ever https: (checked again here with the URL API) and open with
 * rel="noopener noreferrer".
 */
(function (root) {
  "use strict";

  const doc = root.document;
  const $ = (id) => doc.getElementById(id);
  const word = (key, values) => root.DramaWords.word(key, values);
  const JOIN_MS = 30; // announcements made within this time are read together

  function el(tag, className, text) {
    const node = doc.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
      node.dir = "auto"; // author text: its own direction (Arabic or Hebrew in a Chinese drama)
    }
    return node;
  }

  /** Position `node` on a normalised hotspot; `grow` lets it get taller for long text. */
  function placeRect(node, rect, grow) {
    const pct = (v) => Math.max(0, Math.min(100, Number(v) * 100)) + "%";
    node.style.left = pct(rect.x);
    node.style.top = pct(rect.y);
    node.style.width = pct(rect.w);
    node.style[grow ? "minHeight" : "height"] = pct(rect.h);
  }

  /** An https: URL (as a string) or null. */
  function safeHttps(url) {
    if (typeof url !== "string") return null;
    try {
      const parsed = new URL(url);
      return parsed.protocol === "https:" && !parsed.username && !parsed.password ? parsed.href : null;
    } catch (err) {
      return null;
    }
  }

  /** A bundle-relative file path (no scheme, no "..", no absolute path) or null. */
  function safeRelPath(path) {
    if (typeof path !== "string" || !/^[A-Za-z0-9_][A-Za-z0-9_.\-/]*$/.test(path)) return null;
    if (path.split("/").some((part) => part === ".." || part === "." || part === "")) return null;
    return path;
  }

  class View {
    constructor(handlers) {
      this.h = handlers;
      this.live = $("live");
      this.choice = $("choice");
      this.options = $("options");
      this.hotspots = $("hotspots");
      this.countdown = $("countdown");
      this.countdownBar = $("countdown-bar");
      this.choiceWaiting = $("choice-waiting");
      this.tags = $("tags");
      this.prompt = $("prompt");
      this.product = $("product");
      this.ending = $("ending");
      this.settings = $("settings");
      this.choiceKey = "";
      this.tagKey = "";
      this.promptId = null;
      this.productOpener = null;
      this.productFor = null; // {scene, tag} of the open product card
      this.pendingText = "";
      this.text = null; // DramaText.Filler of the drama (setDrama)

      $("prompt-accept").addEventListener("click", () => this.h.acceptPrompt());
      $("prompt-decline").addEventListener("click", () => this.h.declinePrompt());
      $("product-close").addEventListener("click", () => this.closeProduct());
      $("ending-replay").addEventListener("click", () => this.h.replay());
      $("ending-back").addEventListener("click", () => this.h.back());
      $("back").addEventListener("click", () => this.h.back());
    }

    /** The drama whose author text is shown (placeholders filled in its locale). */
    setDrama(drama) {
      this.text = new root.DramaText.Filler(drama);
    }

    /** Say `text` in the aria-live region (sentences of one moment are read together). */
    announce(text) {
      if (!text) return;
      if (this.pendingText) {
        this.pendingText += " " + text;
        return;
      }
      // Clear first so that repeating the same sentence is announced again.
      this.live.textContent = "";
      this.pendingText = text;
      root.setTimeout(() => {
        this.live.textContent = this.pendingText;
        this.pendingText = "";
      }, JOIN_MS);
    }

    _focusIfIdle(node) {
      const active = doc.activeElement;
      if (!active || active === doc.body || !doc.body.contains(active) || active.closest("[hidden]")) {
        node.focus({ preventScroll: true });
      }
    }

    /**
     * Draw the open choice: `options` are model options (visible, in order),
     * `info` the choice_shown payload, `waiting` true when the story waits.
     */
    renderChoice(options, info, waiting) {
      const key = options ? options.map((o) => o.id).join("\u0000") + "|" + (waiting ? 1 : 0) : "";
      if (key === this.choiceKey) return;
      const wasOpen = this.choiceKey !== "";
      this.choiceKey = key;
      this.options.replaceChildren();
      this.hotspots.replaceChildren();
      if (!options) {
        this.choice.hidden = true;
        return;
      }
      let first = null;
      options.forEach((option, index) => {
        const button = el("button", "option");
        button.type = "button";
        button.dataset.option = option.id;
        if (index < 9) {
          const hint = el("span", "key-hint", index + 1);
          hint.setAttribute("aria-hidden", "true");
          button.append(hint);
        }
        const label = this.text.option(option);
        button.append(el("span", "option-label", label));
        const badge = this.text.badge(option);
        if (badge) {
          const amount = el("span", "option-amount", badge);
          amount.setAttribute("aria-hidden", "true");
          button.append(amount);
          button.setAttribute("aria-label", label + " (" + badge + ")");
        }
        button.addEventListener("click", () => this.h.choose(option.id));
        if (option.hotspot) {
          button.classList.add("hotspot-option");
          placeRect(button, option.hotspot, true);
          this.hotspots.append(button);
        } else {
          const item = el("li");
          item.append(button);
          this.options.append(item);
        }
        if (!first) first = button;
      });
      this.options.hidden = this.options.childElementCount === 0;
      this.choice.hidden = false;
      this.countdown.hidden = !(info && info.countdown && info.timeout_ms !== null) || waiting;
      this.choiceWaiting.hidden = !waiting;
      if (!wasOpen && first) this._focusIfIdle(first);
    }

    /** Countdown fraction left (1 = full, 0 = due). */
    setCountdown(fraction) {
      const f = Math.max(0, Math.min(1, fraction));
      this.countdownBar.style.transform = "scaleX(" + f.toFixed(4) + ")";
      this.countdown.classList.toggle("is-urgent", f < 0.25);
    }

    renderTags(tags, products) {
      const key = tags.map((t) => t.id).join("\u0000");
      if (key === this.tagKey) return;
      this.tagKey = key;
      this.tags.replaceChildren();
      for (const tag of tags) {
        const product = products.get(tag.product);
        const name = product ? product.name : tag.product;
        const cta = this.text.tag(tag, word("tag.cta"));
        const button = el("button", "tag");
        button.type = "button";
        button.dataset.tag = tag.id;
        button.setAttribute("aria-label", cta + ": " + name);
        placeRect(button, tag.hotspot);
        if (tag.hotspot.x + tag.hotspot.w / 2 > 0.5) button.classList.add("tag--end");
        if (tag.hotspot.y + tag.hotspot.h > 0.9) button.classList.add("tag--above");
        const chip = el("span", "tag-chip");
        const text = el("span", "tag-text");
        text.append(el("span", "tag-name", name), el("span", "tag-cta", cta));
        chip.append(el("span", "tag-dot"), text);
        button.append(chip);
        button.addEventListener("click", () => {
          this.productOpener = tag.id;
          this.h.clickProduct(tag.id);
        });
        this.tags.append(button);
      }
    }

    renderPrompt(prompt, goal) {
      const id = prompt ? prompt.id : null;
      if (id === this.promptId) return;
      this.promptId = id;
      if (!prompt) {
        this.prompt.hidden = true;
        return;
      }
      $("prompt-text").textContent = this.text.prompt(prompt);
      $("prompt-amount").textContent = this.text.money(prompt.amount);
      $("prompt-goal").textContent = goal ? goal.name : prompt.goal;
      this.prompt.hidden = false;
      this._focusIfIdle($("prompt-accept"));
    }

    openProduct(event, product, tag) {
      this.fillProduct(event, product, tag);
      this.productFor = { scene: event.scene, tag: event.tag, event };
      this.product.hidden = false;
      $("product-close").focus({ preventScroll: true });
    }

    /** The texts changed language (dramatext.js): the open product card again, from `products` and `scenes`. */
    retextProduct(products, scenes) {
      const open = this.productFor;
      if (this.product.hidden || !open) return;
      const scene = scenes.get(open.scene);
      const tag = scene ? scene.tags.find((t) => t.id === open.tag) : null;
      this.fillProduct(open.event, products.get(open.event.product), tag);
    }

    /** The product card's texts: the product's name as shown (`product`, else the event's). */
    fillProduct(event, product, tag) {
      $("product-name").textContent = product ? product.name : event.name;
      const price = event.price === null ? "" : this.text.money(event.price, event.currency);
      $("product-price").textContent = price;
      $("product-price").hidden = price === "";
      $("product-sku").textContent = event.sku ? word("product.sku", { sku: String(event.sku) }) : "";
      const link = $("product-link");
      const href = safeHttps(event.url);
      if (href) {
        link.href = href;
        link.textContent = tag ? this.text.tag(tag, word("tag.cta")) : word("tag.cta");
        link.hidden = false;
      } else {
        link.removeAttribute("href");
        link.hidden = true;
      }
      const image = $("product-image");
      const path = product ? safeRelPath(product.image) : null;
      if (path) {
        image.src = "../" + path;
        image.hidden = false;
      } else {
        image.removeAttribute("src");
        image.hidden = true;
      }
    }

    /** The product card closes once its tag is hidden or another scene began (`sceneId` null: ended). */
    syncProduct(sceneId, shownTags) {
      const open = this.productFor;
      if (this.product.hidden || !open) return;
      if (open.scene !== sceneId || !shownTags.includes(open.tag)) this.closeProduct();
    }

    closeProduct() {
      if (this.product.hidden) return false;
      this.product.hidden = true;
      this.productFor = null;
      const opener = this.productOpener && this.tags.querySelector('[data-tag="' + CSS.escape(this.productOpener) + '"]');
      if (opener) opener.focus({ preventScroll: true });
      this.productOpener = null;
      return true;
    }

    /**
     * The ending card: `lines` from MoneyCard.endingLines (confirmed totals,
     * pending ones as pending), `note` says when no money moves.
     */
    showEnding(event, scene, lines, note, canGoBack) {
      const own = scene ? this.text.ending(scene.ending_title) : "";
      const kind = ["good", "neutral", "bad"].includes(event.kind) ? "ending." + event.kind : "ending.title";
      const title = own || word(event.dead_end ? "ending.dead_end" : kind);
      const text = scene ? this.text.ending(scene.ending_text) : "";
      $("ending-title").textContent = title;
      $("ending-text").textContent = text;
      $("ending-text").hidden = text === "";
      this.renderEndingMoney(lines, note);
      $("ending-back").hidden = !canGoBack;
      this.ending.hidden = false;
      this._focusIfIdle($("ending-replay"));
      return text ? title + ". " + text : title;
    }

    /** Redraw the ending card's totals (a host may confirm after the ending). */
    renderEndingMoney(lines, note) {
      const list = $("ending-saved");
      list.replaceChildren();
      for (const line of lines) {
        const item = el("li", "saved-item");
        item.append(el("span", "saved-name", line.name));
        item.append(el("span", "saved-amount", line.amount));
        const meter = el("span", "meter");
        const fill = el("span", "meter-fill");
        fill.style.transform = "scaleX(" + line.fraction.toFixed(4) + ")";
        meter.append(fill);
        item.append(meter);
        if (line.pending) item.append(el("span", "saved-pending", line.pending));
        list.append(item);
      }
      list.hidden = lines.length === 0;
      $("ending-note").textContent = note;
      $("ending-note").hidden = note === "";
    }

    hideEnding() {
      this.ending.hidden = true;
    }

    reset() {
      this.renderChoice(null, null, false);
      this.renderTags([], new Map());
      this.renderPrompt(null, null);
      this.product.hidden = true;
      this.ending.hidden = true;
    }
  }

  root.DramaUI = { View, safeHttps, safeRelPath, el };
})(typeof globalThis !== "undefined" ? globalThis : this);
