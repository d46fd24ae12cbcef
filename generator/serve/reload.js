// Live reload for "kimsite serve". The server prepends kimsiteVersion, the
// build this page came from. After a good rebuild the page reloads; after a
// bad one the problems cover the page until the next good rebuild. Built
// with DOM calls and CSSOM only: pages forbid inline styles and markup from
// strings.
(function () {
  var overlay = null;
  function show(problems) {
    if (!overlay) {
      overlay = document.createElement("section");
      overlay.id = "kimsite-galat";
      overlay.setAttribute("role", "alert");
      var s = overlay.style;
      s.position = "fixed"; s.top = "0"; s.left = "0"; s.right = "0"; s.bottom = "0";
      s.zIndex = "2147483647"; s.overflow = "auto"; s.padding = "1.5rem";
      s.background = "#1d1d1d"; s.color = "#fff";
      s.font = "16px/1.5 system-ui, sans-serif";
      document.body.appendChild(overlay);
    }
    overlay.textContent = "";
    var h = document.createElement("h2");
    h.textContent = "Ada " + problems.length + " kesalahan: halaman ini belum diperbarui";
    h.style.color = "#ffb4a9"; h.style.marginTop = "0";
    overlay.appendChild(h);
    var p = document.createElement("p");
    p.textContent = "Perbaiki lalu simpan lagi; halaman akan dimuat ulang sendiri.";
    overlay.appendChild(p);
    problems.forEach(function (m) {
      var pre = document.createElement("pre");
      pre.style.whiteSpace = "pre-wrap"; pre.style.margin = "1rem 0 0";
      pre.style.font = "15px/1.5 ui-monospace, monospace";
      var pos = document.createElement("strong");
      pos.textContent = m.position + ": ";
      pre.appendChild(pos);
      pre.appendChild(document.createTextNode(m.message + (m.hint ? "\n    " + m.hint : "")));
      overlay.appendChild(pre);
    });
  }
  var events = new EventSource("/_kimsite/events");
  events.addEventListener("state", function (e) {
    var st = JSON.parse(e.data);
    if (st.problems.length > 0) {
      show(st.problems);
    } else if (st.version !== kimsiteVersion || overlay) {
      location.reload();
    }
  });
})();
