// htmx draws the suggestions under the search box and the question form's similar answers. Parsing it
// costs a cheap phone a long task on every page, and most visits never type in those boxes: it is
// fetched the first time someone focuses or touches one of them. Without JavaScript the forms still work.
(function () {
  "use strict";
  var loader = document.currentScript;
  var started = false;

  function inject() {
    var script = document.createElement("script");
    script.src = loader.getAttribute("data-htmx");
    script.onload = function () {
      // whatever was typed before htmx arrived still gets its suggestions
      var active = document.activeElement;
      if (active && active.hasAttribute("hx-trigger") && active.value) {
        window.htmx.trigger(active, "input");
      }
    };
    document.head.appendChild(script);
  }

  function start(event) {
    if (started || !event.target.closest || !event.target.closest("[hx-get]")) {
      return;
    }
    started = true;
    // htmx sets itself up at once only on a fully loaded page; before that it waits for an event already past
    if (document.readyState === "complete") {
      inject();
    } else {
      window.addEventListener("load", inject);
    }
  }

  document.addEventListener("focusin", start);
  document.addEventListener("pointerdown", start);
})();
