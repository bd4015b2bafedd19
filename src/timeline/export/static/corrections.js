/* Corrections on the timeline page (timeline.events.corrections).
 *
 * Marks the events a person corrected, in the table and in the details, and, on a page
 * that `timeline serve` serves (it adds the #timeline-edit block, with the server's
 * per-run token), offers the corrections themselves: date, headline, hide, pin, merge
 * with another event, detach a source, undo. A page opened as a file shows the
 * corrections and offers none. The page's own script (page.js) is left as it is: this
 * one follows what it draws (the table's rows, the details) and adds to it.
 *
 * Every string shown is untrusted: it is only ever set with textContent. */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("timeline-data").textContent);
  var events = data.events;
  var articles = data.articles;
  var indexOfId = {};
  events.forEach(function (event, index) { indexOfId[event.id] = index; });
  var config = null;
  var configNode = document.getElementById("timeline-edit");
  if (configNode && /^https?:$/.test(location.protocol)) {
    try { config = JSON.parse(configNode.textContent); } catch (e) { config = null; }
  }
  var details = document.getElementById("details");
  var current = null; /* the event the details show */
  var merging = null; /* the event to merge, while the other one is being chosen */

  function el(tag, props, children) {
    var node = document.createElement(tag);
    Object.keys(props || {}).forEach(function (key) {
      if (key === "text") node.textContent = props[key];
      else if (key === "className") node.className = props[key];
      else node.setAttribute(key, props[key]);
    });
    (children || []).forEach(function (child) {
      if (child !== null && child !== undefined) {
        node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
      }
    });
    return node;
  }

  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  function madeText(made) {
    var found = /^(\d{4})-(\d\d)-(\d\d)T(\d\d:\d\d)/.exec(made || "");
    if (!found) return "";
    return Number(found[3]) + " " + MONTHS[Number(found[2]) - 1] + " " + found[1] + " " + found[4] + " UTC";
  }

  function summary(event) {
    return (event.edited || []).map(function (edit) { return edit.text; }).join("; ");
  }

  /* ---------------------------------------------------------------- marks */

  function markRows(tbody) {
    tbody.querySelectorAll("tr[data-index]").forEach(function (row) {
      var event = events[Number(row.getAttribute("data-index"))];
      var cell = row.querySelector("td.event");
      if (!event || !cell || cell.querySelector(".corrected-mark, .pin-mark")) return;
      if (event.pinned) {
        cell.appendChild(el("span", { className: "pin-mark", title: "pinned: always shown, among the key events", text: "pinned" }));
      }
      if (event.edited) {
        cell.appendChild(el("span", { className: "corrected-mark", title: "corrected: " + summary(event), text: "corrected" }));
      }
    });
  }

  document.querySelectorAll("#events-body, tbody[data-section]").forEach(function (tbody) {
    markRows(tbody);
    new MutationObserver(function () { markRows(tbody); }).observe(tbody, { childList: true });
  });

  function onDetails() {
    if (details.hidden || current === null || details.querySelector(".corrections")) return;
    var event = events[current];
    var heading = details.querySelector("h2");
    if (!event || !heading || heading.textContent !== event.text) return;
    addCorrections(event);
  }
  new MutationObserver(onDetails).observe(details, { childList: true });

  /* Which event the details show: page.js draws them on a click (or Enter) on a row, a
   * chart point or a label; these listeners see the same clicks. */
  function chosen(index, e) {
    if (merging !== null && index !== merging) {
      if (e) { e.preventDefault(); e.stopPropagation(); }
      var first = merging;
      endMerge();
      post({ action: "merge", events: [events[first].id, events[index].id] });
      return;
    }
    current = index;
  }

  function rowOf(e) {
    return e.target && e.target.closest ? e.target.closest("tr[data-index]") : null;
  }
  document.addEventListener("click", function (e) {
    var row = rowOf(e);
    if (row) chosen(Number(row.getAttribute("data-index")), e);
  }, true);
  document.addEventListener("keydown", function (e) {
    var row = rowOf(e);
    if (row && (e.key === "Enter" || e.key === " ")) chosen(Number(row.getAttribute("data-index")), e);
    if (e.key === "Escape" && merging !== null) endMerge();
  }, true);

  var chart = document.getElementById("chart");
  function listenToChart() {
    if (!chart.on) return false;
    chart.on("plotly_click", function (click) {
      var point = click.points && click.points[0];
      if (point && point.customdata !== undefined) chosen(point.customdata);
      onDetails();
    });
    chart.on("plotly_clickannotation", function (click) {
      var index = indexOfId[click.annotation && click.annotation.name];
      if (index !== undefined) chosen(index);
      onDetails();
    });
    return true;
  }
  if (chart.getAttribute("data-ready") !== "true" || !listenToChart()) {
    var watcher = new MutationObserver(function () {
      if (chart.getAttribute("data-ready") === "true" && listenToChart()) watcher.disconnect();
    });
    watcher.observe(chart, { attributes: true, attributeFilter: ["data-ready"] });
  }

  /* ---------------------------------------------------------------- details */

  function addCorrections(event) {
    var box = el("section", { className: "corrections", "aria-label": "Corrections" });
    if (event.pinned || event.edited) {
      var list = el("ul", { className: "edit-list" });
      if (event.pinned) list.appendChild(el("li", { text: "Pinned: always shown, among the key events." }));
      (event.edited || []).forEach(function (edit) {
        var when = madeText(edit.made);
        list.appendChild(el("li", { text: "Corrected: " + edit.text + (when ? " \u00b7 " + when : "") }));
      });
      box.appendChild(list);
    }
    if (config) box.appendChild(editor(event));
    if (box.childNodes.length) details.appendChild(box);
    if (config && event.sources > 1) addDetachButtons(event);
  }

  function editor(event) {
    var form = el("form", { className: "correct" });
    var date = el("input", { name: "date", type: "text", autocomplete: "off",
      placeholder: "e.g. 2025-08-10, 2025-08, 2025-08-09/2025-08-12, 10 August 2025" });
    var headline = el("input", { name: "headline", type: "text", autocomplete: "off" });
    headline.value = event.text;
    form.appendChild(el("label", null, ["Date ", date, el("span", { className: "now", text: " now " + event.display })]));
    form.appendChild(el("label", null, ["Headline ", headline]));
    form.appendChild(el("button", { type: "submit", "data-action": "save", text: "Save" }));
    var status = el("p", { className: "edit-status", role: "status" });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var body = { action: "edit", event: event.id };
      if (date.value.trim()) body.date = date.value.trim();
      if (headline.value.trim() && headline.value.trim() !== event.text) body.headline = headline.value.trim();
      if (!body.date && !body.headline) {
        say(status, "Nothing to save: give another date or headline.");
        return;
      }
      post(body, status);
    });
    var actions = el("div", { className: "edit-actions" });
    function action(label, name, body) {
      var button = el("button", { type: "button", "data-action": name, text: label });
      button.addEventListener("click", function () { post(body, status); });
      actions.appendChild(button);
    }
    action("Hide", "hide", { action: "edit", event: event.id, hidden: true });
    if (event.pinned) action("Unpin", "unpin", { action: "edit", event: event.id, pinned: false });
    else action("Pin", "pin", { action: "edit", event: event.id, pinned: true });
    var merge = el("button", { type: "button", "data-action": "merge", text: "Merge with another event\u2026" });
    merge.addEventListener("click", function () { startMerge(indexOfId[event.id]); });
    actions.appendChild(merge);
    if (event.edited) action("Undo last correction", "undo", { action: "undo", event: event.id });
    var heading = el("h3", null, ["Correct this event ", el("code", { className: "event-id", text: event.id })]);
    return el("div", { className: "editor" }, [heading, form, actions, status]);
  }

  function addDetachButtons(event) {
    var items = details.querySelectorAll("li.mention");
    var status = details.querySelector(".edit-status");
    event.mentions.forEach(function (mention, k) {
      var item = items[k];
      var article = articles[mention.article];
      if (!item || !article) return;
      var button = el("button", { type: "button", "data-action": "detach", className: "detach",
        title: "This source does not report this event: make its mentions an event of their own",
        text: "Not this event" });
      button.addEventListener("click", function () {
        post({ action: "detach", event: event.id, article: article.id }, status);
      });
      var meta = item.querySelector(".mention-meta") || item;
      meta.appendChild(document.createTextNode(" "));
      meta.appendChild(button);
    });
  }

  /* ---------------------------------------------------------------- merging */

  var banner = null;
  function startMerge(index) {
    endMerge();
    merging = index;
    var cancel = el("button", { type: "button", text: "Cancel" });
    cancel.addEventListener("click", endMerge);
    banner = el("div", { className: "merge-banner", role: "status" }, [
      "Merging \u201c" + events[index].text + "\u201d: click the event it is the same as, in the chart or the table. ",
      cancel,
    ]);
    document.body.appendChild(banner);
  }
  function endMerge() {
    merging = null;
    if (banner) banner.remove();
    banner = null;
  }

  /* ---------------------------------------------------------------- saving */

  function say(status, text) {
    if (status) status.textContent = text;
    else showBanner(text, true);
  }

  function post(body, status) {
    if (!config) return;
    say(status, "Saving and rebuilding\u2026");
    fetch(config.url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-Timeline-Token": config.token },
      body: JSON.stringify(body),
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (answer) {
        if (!response.ok || !answer.ok) {
          say(status, answer.error || "The server answered " + response.status + ".");
          return;
        }
        try { sessionStorage.setItem("timeline-saved", answer.message || "Saved."); } catch (e) { /* private mode */ }
        if (answer.event) history.replaceState(null, "", "#" + answer.event);
        location.reload();
      });
    }, function (error) {
      say(status, "Could not reach timeline serve (" + error.message + "): is it still running?");
    });
  }

  function showBanner(text, problem) {
    var note = el("div", { className: "saved-banner" + (problem ? " problem" : ""), role: "status", text: text });
    var main = document.querySelector("main");
    main.insertBefore(note, main.firstChild);
  }

  /* After a save the page reloads: say what was saved, and open the event again. */
  var saved = null;
  try { saved = sessionStorage.getItem("timeline-saved"); sessionStorage.removeItem("timeline-saved"); } catch (e) { saved = null; }
  if (saved) showBanner(saved, false);
  function reopen(index) {
    var selector = 'tr[data-index="' + index + '"]';
    var section = events[index].section || "story";
    var box = section === "story" ? null : document.getElementById("section-" + section);
    function go() {
      var where = (box ? "#section-" + section : "#events-body") + " " + selector;
      var row = document.querySelector(where);
      var all = document.querySelector("#view-switch:not([hidden]) button[data-view=all]");
      if (!row && !box && all) { /* not a key event: the table shows it among all events */
        all.click();
        row = document.querySelector(where);
      }
      if (row) row.click();
    }
    if (!box || box.open) { go(); return; }
    box.addEventListener("toggle", function opened() { box.removeEventListener("toggle", opened); go(); });
    box.open = true; /* a folded section fills when it opens */
  }
  var wanted = indexOfId[decodeURIComponent(location.hash.slice(1))];
  if (wanted !== undefined) reopen(wanted);
  document.body.setAttribute("data-corrections", config ? "editable" : "shown");
})();
