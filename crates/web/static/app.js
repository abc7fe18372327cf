// ficarchive progressive enhancement. Everything here is optional: the site works without it.
// Reading settings (theme, text size, line width) and reading positions live in localStorage.
(function () {
  "use strict";
  var root = document.documentElement;
  var PREFS_KEY = "ficarchive:prefs";

  function load(key, fallback) {
    try {
      var v = window.localStorage.getItem(key);
      return v === null ? fallback : JSON.parse(v);
    } catch (e) {
      return fallback;
    }
  }
  function save(key, value) {
    try {
      window.localStorage.setItem(key, JSON.stringify(value));
    } catch (e) {
      /* storage full or disabled: settings last for this page only */
    }
  }

  var prefs = load(PREFS_KEY, {});
  function applyPrefs() {
    root.setAttribute("data-theme", prefs.theme || "auto");
    root.setAttribute("data-size", prefs.size || "normal");
    root.setAttribute("data-width", prefs.width || "normal");
  }
  applyPrefs();

  function setupSettings() {
    var panel = document.getElementById("reading-settings");
    if (!panel) return;
    var selects = panel.querySelectorAll("select[data-pref]");
    Array.prototype.forEach.call(selects, function (sel) {
      var name = sel.getAttribute("data-pref");
      if (prefs[name]) sel.value = prefs[name];
      sel.addEventListener("change", function () {
        prefs[name] = sel.value;
        save(PREFS_KEY, prefs);
        applyPrefs();
      });
    });
    var toggles = document.querySelectorAll(".settings-toggle");
    Array.prototype.forEach.call(toggles, function (btn) {
      btn.hidden = false;
      btn.addEventListener("click", function () {
        var open = panel.hidden;
        panel.hidden = !open;
        btn.setAttribute("aria-expanded", open ? "true" : "false");
        if (open) {
          var first = panel.querySelector("select");
          if (first) first.focus();
        }
      });
    });
    panel.addEventListener("keydown", function (e) {
      if (e.key === "Escape") {
        panel.hidden = true;
        var btn = document.querySelector(".settings-toggle");
        if (btn) {
          btn.setAttribute("aria-expanded", "false");
          btn.focus();
        }
      }
    });
  }

  // Reading position: the scroll fraction of each chapter page, and the last chapter read.
  function setupPosition() {
    var work = document.querySelector("article.work[data-work]");
    if (!work) return;
    var id = work.getAttribute("data-work");
    var chapter = work.getAttribute("data-chapter") || "0";
    var key = "ficarchive:pos:" + id + ":" + chapter + (location.search.indexOf("view_full_work") >= 0 ? ":full" : "");
    var lastKey = "ficarchive:last:" + id;
    var last = load(lastKey, null);
    var pos = load(key, null);
    if (!location.hash && pos && typeof pos.f === "number") {
      var h = document.documentElement.scrollHeight - window.innerHeight;
      if (h > 0) window.scrollTo({ top: Math.round(pos.f * h), behavior: "instant" });
    }
    // On the work's front page, offer to continue where the reader left off.
    if (last && String(last.chapter) !== chapter && last.chapter !== "0" && location.pathname.indexOf("/chapters/") < 0) {
      var nav = work.querySelector(".work-nav ul");
      if (nav) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = "/works/" + encodeURIComponent(id) + "/chapters/" + encodeURIComponent(last.chapter);
        a.className = "continue";
        a.textContent = "Continue reading (chapter " + last.chapter + ")";
        li.appendChild(a);
        nav.insertBefore(li, nav.firstChild);
      }
    }
    if (chapter !== "0") save(lastKey, { chapter: chapter });
    var pending = false;
    window.addEventListener("scroll", function () {
      if (pending) return;
      pending = true;
      window.setTimeout(function () {
        pending = false;
        var h = document.documentElement.scrollHeight - window.innerHeight;
        if (h > 0) save(key, { f: Math.min(1, Math.max(0, window.scrollY / h)) });
      }, 400);
    }, { passive: true });
  }

  // Tag autocomplete for the comma-separated include/exclude boxes, through a native datalist.
  function setupAutocomplete() {
    var inputs = document.querySelectorAll("input[data-autocomplete=tags]");
    Array.prototype.forEach.call(inputs, function (input, n) {
      var list = document.createElement("datalist");
      list.id = "tag-suggestions-" + n;
      input.parentNode.insertBefore(list, input.nextSibling);
      input.setAttribute("list", list.id);
      var timer = null;
      var asked = "";
      input.addEventListener("input", function () {
        window.clearTimeout(timer);
        timer = window.setTimeout(function () {
          var parts = input.value.split(",");
          var last = parts.pop().trim();
          if (last.length < 2 || last === asked) return;
          asked = last;
          var before = parts.map(function (p) { return p.trim(); }).filter(Boolean);
          fetch("/api/tags?q=" + encodeURIComponent(last), { headers: { Accept: "application/json" } })
            .then(function (r) { return r.ok ? r.json() : { tags: [] }; })
            .then(function (data) {
              while (list.firstChild) list.removeChild(list.firstChild);
              (data.tags || []).forEach(function (t) {
                var o = document.createElement("option");
                o.value = before.concat([t.name]).join(", ");
                o.label = t.name + " (" + t.kind + ", " + t.works + ")";
                list.appendChild(o);
              });
            })
            .catch(function () { /* offline: no suggestions */ });
        }, 200);
      });
    });
  }

  function start() {
    setupSettings();
    setupPosition();
    setupAutocomplete();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
