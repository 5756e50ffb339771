// Side-by-side navigation: a shared passage brings its counterpart into view in the other
// column; links with data-goto bring their targets into view in whichever column holds them.
(function () {
  "use strict";
  var columns = document.querySelectorAll(".column");

  function columnOf(element) {
    return element.closest(".column");
  }

  function reveal(target) {
    var column = columnOf(target);
    if (!column) {
      target.scrollIntoView({ block: "center" });
      return;
    }
    var box = column.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) {
      column.scrollIntoView({ block: "nearest" });
    }
    // A quarter down, not at the very top, so the reader sees what leads into it.
    var offset = target.getBoundingClientRect().top - column.getBoundingClientRect().top;
    column.scrollTop += offset - column.clientHeight / 4;
    var pieces = target.dataset.link
      ? column.querySelectorAll('[data-link="' + target.dataset.link + '"]')
      : [target];
    Array.prototype.forEach.call(pieces, function (piece) {
      piece.classList.remove("flash");
      void piece.offsetWidth; // restart the animation when the same target is revealed twice
      piece.classList.add("flash");
    });
  }

  function counterpart(piece) {
    var here = columnOf(piece);
    for (var i = 0; i < columns.length; i += 1) {
      if (columns[i] !== here) {
        var found = columns[i].querySelector('[data-link="' + piece.dataset.link + '"]');
        if (found) {
          return found;
        }
      }
    }
    return null;
  }

  function follow(event) {
    var jump = event.target.closest("[data-goto]");
    if (jump) {
      event.preventDefault();
      jump.dataset.goto.split(" ").forEach(function (id) {
        var target = document.getElementById(id);
        if (target) {
          reveal(target);
        }
      });
      return;
    }
    var piece = event.target.closest(".passage");
    var other = piece && counterpart(piece);
    if (other) {
      reveal(other);
    }
  }

  function light(event, on) {
    var piece = event.target.closest(".passage");
    if (!piece) {
      return;
    }
    document.querySelectorAll('[data-link="' + piece.dataset.link + '"]').forEach(function (part) {
      part.classList.toggle("hot", on);
    });
  }

  document.addEventListener("click", follow);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && event.target.closest && event.target.closest(".passage")) {
      follow(event);
    }
  });
  document.addEventListener("mouseover", function (event) { light(event, true); });
  document.addEventListener("mouseout", function (event) { light(event, false); });
})();
