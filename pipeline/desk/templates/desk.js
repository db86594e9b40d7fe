// Keyboard keys of the desk: j/k or the arrows move through dossiers (or rows of the list).
(function () {
  function typing(e) {
    var t = e.target;
    return t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable);
  }
  // A refused value: bring its box into view, ready to type again.
  var problem = document.querySelector(".problem");
  if (problem) {
    problem.scrollIntoView({ block: "center" });
    var input = problem.parentNode.querySelector("input[name=value]");
    if (input) { input.focus(); input.select(); }
  }
  var rows = Array.prototype.slice.call(document.querySelectorAll("#batch tr.row"));
  var cur = -1;
  function mark(i) {
    if (!rows.length) return;
    if (cur >= 0) rows[cur].classList.remove("current");
    cur = Math.max(0, Math.min(rows.length - 1, i));
    rows[cur].classList.add("current");
    rows[cur].scrollIntoView({ block: "nearest" });
  }
  rows.forEach(function (r) {
    r.addEventListener("click", function (e) {
      if (e.target.tagName !== "A") window.location = r.dataset.href;
    });
  });
  document.addEventListener("keydown", function (e) {
    if (typing(e) || e.ctrlKey || e.metaKey || e.altKey) return;
    var k = e.key;
    if (rows.length) {
      if (k === "j" || k === "ArrowDown") { mark(cur + 1); e.preventDefault(); }
      else if (k === "k" || k === "ArrowUp") { mark(cur - 1); e.preventDefault(); }
      else if (k === "Enter" && cur >= 0) { window.location = rows[cur].dataset.href; }
      return;
    }
    var next = document.getElementById("next"), prev = document.getElementById("prev");
    if ((k === "j" || k === "ArrowRight") && next) { window.location = next.href; }
    else if ((k === "k" || k === "ArrowLeft") && prev) { window.location = prev.href; }
  });
})();
