/* The timeline page: chart clicks, event details, and the filterable, sortable table.
 *
 * Every string shown comes from articles and is untrusted: it is only ever set with
 * textContent (never innerHTML), and only http(s) links are made. */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("timeline-data").textContent);
  var figure = JSON.parse(document.getElementById("figure-data").textContent);
  var events = data.events;
  var articles = data.articles;
  var PAGE_ROWS = 300;
  /* With key events (timeline build --key-dates N), the page opens on them; the switch
   * shows every event, with the key ones marked. */
  var keyView = Boolean(data.key_view);
  var showAll = !keyView;

  function el(tag, props, children) {
    var node = document.createElement(tag);
    if (props) {
      Object.keys(props).forEach(function (key) {
        if (key === "text") node.textContent = props[key];
        else if (key === "className") node.className = props[key];
        else node.setAttribute(key, props[key]);
      });
    }
    (children || []).forEach(function (child) {
      if (child !== null && child !== undefined) {
        node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
      }
    });
    return node;
  }

  function safeUrl(value) {
    if (!value) return null;
    try {
      var url = new URL(value);
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  function outletOf(article) {
    return article.source || article.title || article.id;
  }

  /* ---------------------------------------------------------------- details */

  var details = document.getElementById("details");

  function citation(event, mention) {
    var article = articles[mention.article];
    var parts = ["\u201c" + event.text + "\u201d", outletOf(article)];
    if (article.title && article.title !== outletOf(article)) parts.push("\u201c" + article.title + "\u201d");
    parts.push(article.published);
    var url = safeUrl(article.url);
    return parts.join(", ") + "." + (url ? " " + url : "");
  }

  function copyText(text, button) {
    function done() {
      var old = button.textContent;
      button.textContent = "Copied";
      setTimeout(function () { button.textContent = old; }, 1500);
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, function () { fallbackCopy(text); done(); });
    } else {
      fallbackCopy(text);
      done();
    }
  }

  function fallbackCopy(text) {
    var area = el("textarea", { "aria-hidden": "true" });
    area.value = text;
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    try { document.execCommand("copy"); } catch (e) { /* nothing more to try */ }
    document.body.removeChild(area);
  }

  function sentenceNode(mention) {
    var sentence = mention.sentence;
    var span = mention.expression;
    if (!span) return el("blockquote", { text: sentence });
    return el("blockquote", null, [
      sentence.slice(0, span[0]),
      el("mark", { text: sentence.slice(span[0], span[1]), title: "the expression that dates it" }),
      sentence.slice(span[1]),
    ]);
  }

  var DATED_BY = {
    expression: "dated by this sentence",
    narrative: "dated by the article's narrative",
    publication: "dated by the publication day",
  };

  function showDetails(index) {
    var event = events[index];
    if (!event) return;
    details.replaceChildren();
    details.appendChild(el("h2", { text: event.text }));
    var sources = event.sources + (event.sources === 1 ? " source" : " sources");
    details.appendChild(el("p", { className: "when", text: event.display + " \u00b7 " + sources }));
    event.conflicts.forEach(function (conflict) {
      details.appendChild(el("p", {
        className: "conflict",
        text: "Also dated " + conflict.display + " by " + conflict.outlets.join(", "),
      }));
    });
    var list = el("ol");
    event.mentions.forEach(function (mention) {
      var article = articles[mention.article];
      var url = safeUrl(article.url);
      var outlet = url
        ? el("a", { href: url, rel: "noopener noreferrer", target: "_blank", text: outletOf(article) })
        : el("strong", { text: outletOf(article) });
      var copy = el("button", { type: "button", text: "Copy citation" });
      copy.addEventListener("click", function () { copyText(citation(event, mention), copy); });
      var meta = el("div", { className: "mention-meta" }, [
        outlet, ", ", el("span", { text: article.title, lang: article.language || "" }),
        ", published " + article.published + " \u00b7 ",
        article.language ? el("span", { className: "language", text: article.language }) : "",
        article.language ? " \u00b7 " : "",
        el("span", { text: DATED_BY[mention.dated_by] || "" }), " ", copy,
      ]);
      var quote = sentenceNode(mention);
      if (article.language) quote.setAttribute("lang", article.language);
      list.appendChild(el("li", { className: "mention" }, [quote, meta]));
    });
    details.appendChild(list);
    details.hidden = false;
    details.scrollIntoView({ block: "nearest" });
  }

  /* ---------------------------------------------------------------- chart */

  var chart = document.getElementById("chart");
  var indexOfId = {};
  events.forEach(function (event, index) { indexOfId[event.id] = index; });
  if (events.length && window.Plotly) {
    Plotly.newPlot(chart, figure.data, figure.layout, {
      responsive: true,
      displaylogo: false,
      modeBarButtonsToRemove: ["select2d", "lasso2d", "autoScale2d"],
    }).then(function () {
      chart.on("plotly_click", function (click) {
        var point = click.points && click.points[0];
        if (point && point.customdata !== undefined) showDetails(point.customdata);
      });
      chart.on("plotly_clickannotation", function (click) {
        var index = indexOfId[click.annotation && click.annotation.name];
        if (index !== undefined) showDetails(index);
      });
      chart.on("plotly_relayout", showLabelsIfTheyFit);
      chart.setAttribute("data-ready", "true");
    });
  }

  /* Labels were placed, none overlapping, for the chart's first view: zoomed in they
   * still fit; zoomed out (or on "Everything") they would pile up, so they hide. */
  var labelsShown = true;
  function spanOf(range) {
    return Date.parse(String(range[1]).replace(" ", "T")) - Date.parse(String(range[0]).replace(" ", "T"));
  }
  function showLabelsIfTheyFit() {
    var annotations = chart.layout.annotations || [];
    if (!annotations.length || !data.period) return;
    var fit = spanOf(chart.layout.xaxis.range) <= spanOf(data.period.view) * 1.05;
    if (fit === labelsShown) return;
    labelsShown = fit;
    var update = {};
    annotations.forEach(function (_, i) { update["annotations[" + i + "].visible"] = fit; });
    Plotly.relayout(chart, update);
  }

  /* The chart opens on the story's period; "Everything" shows its background and what
   * is expected too (timeline.period). */
  var rangeSwitch = document.getElementById("range-switch");
  var period = data.period;
  var outside = events.some(function (event) { return event.section !== "story"; });
  if (period && outside) {
    rangeSwitch.hidden = false;
    rangeSwitch.addEventListener("click", function (e) {
      var button = e.target.closest("button[data-range]");
      if (button) setRange(button.getAttribute("data-range") === "all");
    });
  }

  function setRange(all) {
    rangeSwitch.querySelectorAll("button[data-range]").forEach(function (button) {
      button.setAttribute("aria-pressed", String((button.getAttribute("data-range") === "all") === all));
    });
    if (!window.Plotly || !chart.data) return;
    if (all) Plotly.relayout(chart, { "xaxis.range": period.extent.slice() });
    else Plotly.relayout(chart, { "xaxis.range": period.view.slice() });
  }

  var otherTraces = [];
  figure.data.forEach(function (trace, index) { if (trace.meta === "other") otherTraces.push(index); });
  var switcher = document.getElementById("view-switch");
  if (keyView) {
    var keyCount = events.filter(function (event) { return event.key; }).length;
    switcher.querySelector("[data-view=key]").textContent = "Key events (" + keyCount + ")";
    var storyCount = events.filter(function (event) { return (event.section || "story") === "story"; }).length;
    switcher.querySelector("[data-view=all]").textContent = "All events (" + storyCount + ")";
    switcher.hidden = false;
    switcher.addEventListener("click", function (e) {
      var button = e.target.closest("button[data-view]");
      if (button) setView(button.getAttribute("data-view") === "all");
    });
  }

  function setView(all) {
    showAll = all;
    switcher.querySelectorAll("button[data-view]").forEach(function (button) {
      button.setAttribute("aria-pressed", String((button.getAttribute("data-view") === "all") === all));
    });
    if (otherTraces.length && window.Plotly && chart.data) {
      Plotly.restyle(chart, { visible: all }, otherTraces);
    }
    limit = PAGE_ROWS;
    render();
  }

  /* ---------------------------------------------------------------- table */

  var body = document.getElementById("events-body");
  var search = document.getElementById("filter-text");
  var outletSelect = document.getElementById("filter-source");
  var moreButton = document.getElementById("more");
  var count = document.getElementById("shown-count");
  var sortKey = "date";
  var sortDir = 1;
  var limit = PAGE_ROWS;

  var outlets = {};
  events.forEach(function (event) { event.outlets.forEach(function (o) { outlets[o] = (outlets[o] || 0) + 1; }); });
  Object.keys(outlets).sort().forEach(function (name) {
    outletSelect.appendChild(el("option", { value: name, text: name + " (" + outlets[name] + ")" }));
  });

  var haystacks = events.map(function (event) {
    return (event.text + " " + event.outlets.join(" ") + " " + event.display).toLowerCase();
  });

  function matching(section) {
    var words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    var outlet = outletSelect.value;
    var rows = [];
    for (var i = 0; i < events.length; i++) {
      if ((events[i].section || "story") !== section) continue;
      if (section === "story" && !showAll && !events[i].key) continue;
      if (outlet && events[i].outlets.indexOf(outlet) < 0) continue;
      var hay = haystacks[i];
      if (words.every(function (w) { return hay.indexOf(w) >= 0; })) rows.push(i);
    }
    rows.sort(function (a, b) {
      var x = events[a], y = events[b];
      var diff = sortKey === "sources" ? x.sources - y.sources : (x.start < y.start ? -1 : x.start > y.start ? 1 : 0);
      if (diff === 0) diff = x.end < y.end ? -1 : x.end > y.end ? 1 : a - b;
      return diff * sortDir;
    });
    return rows;
  }

  function fill(tbody, rows, upTo) {
    tbody.replaceChildren();
    rows.slice(0, upTo).forEach(function (index) {
      var event = events[index];
      var row = el("tr", { tabindex: "0", "data-index": String(index) }, [
        el("td", { className: "date" }, [
          keyView && event.key ? el("span", { className: "key-mark", title: "key event", text: "\u2605" }) : null,
          event.display,
        ]),
        el("td", { className: "event", text: event.text }),
        el("td", { className: "count", text: String(event.sources) }),
        el("td", { className: "outlets", text: event.outlets.join(", ") }),
      ]);
      if (event.dated_by !== "expression") row.className = "inferred";
      tbody.appendChild(row);
    });
    if (!rows.length) {
      tbody.appendChild(el("tr", null, [el("td", { colspan: "4", className: "empty", text: "No event matches." })]));
    }
  }

  /* Background and expected events: folded sections under the table, filled when opened. */
  var SECTIONS = {
    background: "Background: {n} events, " + (period ? period.background : ""),
    expected: "Expected: {n} events, " + (period ? period.expected : ""),
  };
  var foldedSections = Object.keys(SECTIONS).map(function (name) {
    var box = document.getElementById("section-" + name);
    var total = events.filter(function (event) { return event.section === name; }).length;
    box.hidden = total === 0;
    box.querySelector("summary").textContent = SECTIONS[name].replace("{n}", total);
    box.addEventListener("toggle", function () { if (box.open) render(); });
    return { name: name, box: box, body: box.querySelector("tbody") };
  });

  function render() {
    var rows = matching("story");
    fill(body, rows, limit);
    count.textContent = Math.min(rows.length, limit) + " of " + rows.length + " events shown";
    moreButton.hidden = rows.length <= limit;
    moreButton.textContent = "Show " + Math.min(PAGE_ROWS, rows.length - limit) + " more";
    foldedSections.forEach(function (section) {
      if (section.box.open) fill(section.body, matching(section.name), 10 * PAGE_ROWS);
    });
  }

  function onRows(tbody) {
    tbody.addEventListener("click", function (e) {
      var row = e.target.closest("tr[data-index]");
      if (row) showDetails(Number(row.getAttribute("data-index")));
    });
    tbody.addEventListener("keydown", function (e) {
      var row = e.target.closest("tr[data-index]");
      if (row && (e.key === "Enter" || e.key === " ")) {
        e.preventDefault();
        showDetails(Number(row.getAttribute("data-index")));
      }
    });
  }
  onRows(body);
  foldedSections.forEach(function (section) { onRows(section.body); });
  search.addEventListener("input", function () { limit = PAGE_ROWS; render(); });
  outletSelect.addEventListener("change", function () { limit = PAGE_ROWS; render(); });
  moreButton.addEventListener("click", function () { limit += PAGE_ROWS; render(); });
  document.querySelectorAll("th.sortable").forEach(function (th) {
    th.addEventListener("click", function () {
      var key = th.getAttribute("data-key");
      sortDir = key === sortKey ? -sortDir : (key === "sources" ? -1 : 1);
      sortKey = key;
      document.querySelectorAll("th.sortable").forEach(function (other) { other.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", sortDir > 0 ? "ascending" : "descending");
      render();
    });
  });
  render();
  document.body.setAttribute("data-ready", "true");
})();
