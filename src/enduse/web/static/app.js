// enduse: link each claim to its evidence in the text (hover or focus highlights both).
document.querySelectorAll("li.claim[data-claim]").forEach(function (li) {
  var id = li.getAttribute("data-claim");
  var marks = Array.prototype.filter.call(document.querySelectorAll("mark[data-claims]"), function (m) {
    return m.getAttribute("data-claims").split(" ").indexOf(id) >= 0;
  });
  function on() { li.classList.add("on"); marks.forEach(function (m) { m.classList.add("on"); }); }
  function off() { li.classList.remove("on"); marks.forEach(function (m) { m.classList.remove("on"); }); }
  li.addEventListener("mouseenter", on);
  li.addEventListener("mouseleave", off);
  li.addEventListener("click", function () { if (marks.length) { marks[0].scrollIntoView({ block: "center" }); } });
});
