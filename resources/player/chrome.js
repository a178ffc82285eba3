/*
 * The player's chrome: the settings menu (choice timers), the unmute button
 * and the keyboard (Escape closes, 1-9 pick options). Bound once per page
 * to a Player (player.js).
 */
(function (root) {
  "use strict";

  const doc = root.document;
  const $ = (id) => doc.getElementById(id);
  const { saveTimers } = root.DramaSession;

  function bind(player) {
    const menu = $("settings");
    const button = $("settings-button");
    const openMenu = (open) => {
      menu.hidden = !open;
      button.setAttribute("aria-expanded", open ? "true" : "false");
      if (open) {
        const radio = menu.querySelector('input[value="' + player.timers + '"]');
        if (radio) {
          radio.checked = true;
          radio.focus({ preventScroll: true });
        }
      } else {
        button.focus({ preventScroll: true });
      }
    };
    const closeMenu = () => {
      if (menu.hidden) return false;
      openMenu(false);
      return true;
    };
    button.addEventListener("click", () => openMenu(menu.hidden));
    $("settings-close").addEventListener("click", () => openMenu(false));
    for (const radio of menu.querySelectorAll('input[name="timers"]')) {
      radio.checked = radio.value === player.timers;
      radio.addEventListener("change", () => {
        if (!radio.checked) return;
        player.timers = radio.value;
        saveTimers(radio.value);
        const engine = player.engine;
        const differs = engine && engine.started && radio.value !== engine.timers;
        $("settings-restart-note").hidden = !differs;
        $("settings-restart").hidden = !differs;
      });
    }
    $("settings-restart").addEventListener("click", () => {
      openMenu(false);
      player.restart();
    });
    $("unmute").addEventListener("click", () => {
      player.deck.setMuted(false);
      $("unmute").hidden = true;
      player.deck.sync();
    });
    doc.addEventListener("keydown", (e) => onKey(player, e, closeMenu));
    root.addEventListener("pagehide", () => player.persist(true));
  }

  function onKey(player, e, closeMenu) {
    if (e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return;
    if (e.key === "Escape") {
      if (closeMenu() || player.view.closeProduct()) e.preventDefault();
      return;
    }
    const engine = player.engine;
    if (!/^[1-9]$/.test(e.key) || !engine || !engine.started) return;
    const target = e.target;
    if (target && target.tagName === "INPUT") return;
    const choice = engine.openChoice;
    if (!choice || engine.ended) return;
    const option = choice.options[Number(e.key) - 1];
    if (option) {
      e.preventDefault();
      player.act("choose", { option: option.id }, (eng) => eng.choose(option.id));
    }
  }

  root.DramaChrome = { bind };
})(typeof globalThis !== "undefined" ? globalThis : this);
