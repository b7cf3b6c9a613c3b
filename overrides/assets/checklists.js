/*
 * Checklists that remember, in the reader's own browser only.
 *
 * Each checklist page (a .gp-checklist block) keeps its ticks in localStorage under
 * "govportal.checklist.<id>": the ticked items' texts, nothing else. Nothing is sent
 * anywhere. A "Clear my ticks" button empties the list. Also reveals the sample clauses'
 * copy buttons, which need this script's page to be running.
 */
(function () {
  "use strict";

  var PREFIX = "govportal.checklist.";

  function storage() {
    try {
      var probe = PREFIX + "probe";
      window.localStorage.setItem(probe, "1");
      window.localStorage.removeItem(probe);
      return window.localStorage;
    } catch (e) {
      return null; // private mode or storage switched off: ticks last for this visit only
    }
  }

  function itemKey(box) {
    return (box.getAttribute("aria-label") || "").replace(/\s+/g, " ").trim();
  }

  function load(store, key) {
    try {
      var value = JSON.parse(store.getItem(key) || "[]");
      return Array.isArray(value) ? value : [];
    } catch (e) {
      return [];
    }
  }

  function setupChecklist(block, store) {
    if (block.getAttribute("data-gp-ready")) return;
    block.setAttribute("data-gp-ready", "1");
    var key = PREFIX + block.getAttribute("data-checklist");
    var boxes = Array.prototype.slice.call(
      block.querySelectorAll(".task-list-item input[type=checkbox]"));
    if (!boxes.length) return;

    var status = document.createElement("span");
    status.className = "gp-checklist__status";
    status.setAttribute("aria-live", "polite");

    function save() {
      var ticked = boxes.filter(function (b) { return b.checked; }).map(itemKey);
      if (store) {
        if (ticked.length) store.setItem(key, JSON.stringify(ticked));
        else store.removeItem(key);
      }
      status.textContent = ticked.length + " of " + boxes.length + " ticked";
    }

    var saved = store ? load(store, key) : [];
    boxes.forEach(function (box) {
      box.checked = saved.indexOf(itemKey(box)) !== -1;
      box.addEventListener("change", save);
    });

    var tools = document.createElement("div");
    tools.className = "gp-checklist__tools";
    var note = document.createElement("p");
    note.textContent = store
      ? "Your ticks are kept in this browser only, on this device. Nothing is sent anywhere."
      : "This browser does not keep ticks: they last until you leave the page.";
    var clear = document.createElement("button");
    clear.type = "button";
    clear.className = "md-button gp-checklist__clear";
    clear.textContent = "Clear my ticks";
    clear.addEventListener("click", function () {
      boxes.forEach(function (box) { box.checked = false; });
      save();
    });
    var print = document.createElement("button");
    print.type = "button";
    print.className = "md-button gp-checklist__print";
    print.textContent = "Print an answer sheet";
    print.addEventListener("click", function () { window.print(); });
    tools.appendChild(note);
    tools.appendChild(clear);
    tools.appendChild(print);
    tools.appendChild(status);
    block.parentNode.insertBefore(tools, block);
    save();
  }

  function setup() {
    var store = storage();
    document.querySelectorAll(".gp-checklist[data-checklist]").forEach(function (block) {
      setupChecklist(block, store);
    });
    document.querySelectorAll("button.gp-copy[hidden]").forEach(function (button) {
      button.hidden = false;
    });
  }

  if (typeof window.document$ !== "undefined") {
    window.document$.subscribe(setup);
  } else {
    document.addEventListener("DOMContentLoaded", setup);
  }
})();
