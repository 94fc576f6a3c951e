// Solves the form's ALTCHA challenge in a Web Worker while the resident writes (a cheap phone's main
// thread stays free for typing). The challenge is in the form (data-challenge) or, on a page that is the
// same for everybody and kept whole in the page cache, fetched for this visitor (data-challenge-url).
// Without JavaScript, without workers or without crypto.subtle (pages not served over HTTPS), the form
// still works and simply stays unsolved.
(function () {
  "use strict";
  var form = document.querySelector("form[data-challenge], form[data-challenge-url]");
  if (!form || !window.Worker || !window.crypto || !window.crypto.subtle || !window.TextEncoder) {
    return;
  }
  var field = form.querySelector("input[name=altcha]");
  function solve(challenge) {
    var worker = new Worker(form.getAttribute("data-worker"));
    worker.onmessage = function (event) {
      worker.terminate();
      if (event.data === null) {
        return;
      }
      field.value = btoa(JSON.stringify({
        algorithm: challenge.algorithm,
        challenge: challenge.challenge,
        number: event.data,
        salt: challenge.salt,
        signature: challenge.signature
      }));
    };
    worker.postMessage(challenge);
  }
  var url = form.getAttribute("data-challenge-url");
  if (!url) {
    solve(JSON.parse(form.getAttribute("data-challenge")));
  } else if (window.fetch) {
    fetch(url, { credentials: "same-origin", cache: "no-store", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (challenge) { if (challenge) { solve(challenge); } })
      .catch(function () { /* unsolved: the form still works, with the smaller allowance */ });
  }
})();
