// kimsite theme script. Pages read completely without it; it only adds
// a few things, and asks nothing of another host until a reader acts:
//  - a YouTube facade becomes a youtube-nocookie player when pressed;
//  - a search box shows results as the reader types, loading the site's
//    small index the first time the box is used.
(function () {
  "use strict";

  document.addEventListener("click", function (e) {
    var a = e.target.closest && e.target.closest("a[data-yt]");
    if (!a || e.ctrlKey || e.metaKey || e.shiftKey) return;
    e.preventDefault();
    var f = document.createElement("iframe");
    f.src = "https://www.youtube-nocookie.com/embed/" + encodeURIComponent(a.dataset.yt) + "?autoplay=1&rel=0";
    f.title = a.dataset.title || "";
    f.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
    f.allowFullscreen = true;
    f.className = "yt-frame";
    a.replaceWith(f);
    f.focus();
  });

  // fold must match generator/search.Words: lowercase, no accents, no
  // apostrophes, old spellings (oe, dj, tj, sj) written today's way.
  var old = { oe: "u", dj: "j", tj: "c", sj: "sy" };
  function words(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f'’`]/g, "").toLowerCase()
      .replace(/oe|dj|tj|sj/g, function (m) { return old[m]; })
      .split(/[^a-z0-9]+/).filter(Boolean);
  }

  function setup(form) {
    var input = form.querySelector("input[type=search]");
    var out = document.getElementById(form.dataset.results);
    var status = form.querySelector("[role=status]");
    var index = null, loading = null, base = form.dataset.base;
    function load() {
      if (!loading) {
        loading = fetch(form.dataset.index).then(function (r) { return r.json(); }).then(function (d) {
          index = d.p.map(function (p) {
            var t = words(p[0]);
            return { title: p[0], url: /^https?:/.test(p[1]) ? p[1] : base + p[1], section: d.s[p[2]], title_words: t, words: t.concat(p[3].split(" ")) };
          });
        });
      }
      return loading;
    }
    function search() {
      var q = words(input.value);
      if (!q.length) { out.hidden = true; out.textContent = ""; status.textContent = ""; return; }
      load().then(function () {
        var found = [];
        index.forEach(function (p) {
          var score = 0;
          for (var i = 0; i < q.length; i++) {
            var hit = 0;
            for (var j = 0; j < p.words.length && !hit; j++) {
              if (p.words[j].lastIndexOf(q[i], 0) === 0) hit = j < p.title_words.length ? 3 : 1;
            }
            if (!hit) return;
            score += hit;
          }
          found.push({ p: p, score: score });
        });
        found.sort(function (a, b) { return b.score - a.score; });
        out.textContent = "";
        found.slice(0, 20).forEach(function (f) {
          var li = document.createElement("li"), a = document.createElement("a"), s = document.createElement("span");
          a.href = f.p.url; a.textContent = f.p.title;
          s.className = "muted"; s.textContent = f.p.section;
          li.append(a, " ", s);
          out.append(li);
        });
        out.hidden = !found.length;
        status.textContent = found.length ? form.dataset.count.replace("%d", found.length) : form.dataset.none;
      });
    }
    var timer;
    input.addEventListener("focus", load, { once: true });
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(search, 80); });
    form.addEventListener("submit", function (e) { e.preventDefault(); search(); });
    var q = new URLSearchParams(location.search).get("q");
    if (q && !input.value) input.value = q;
    if (input.value) search();
  }
  document.querySelectorAll("form[data-index]").forEach(setup);

  // On a phone the menu scrolls sideways: bring the current section into view.
  var current = document.querySelector(".top nav [aria-current]");
  if (current) {
    var menu = current.closest("ul");
    menu.scrollLeft = current.offsetLeft - menu.offsetLeft - (menu.clientWidth - current.offsetWidth) / 2;
  }
})();
