// Solves the form's ALTCHA challenge in a Web Worker while the resident writes (a cheap phone's main
// thread stays free for typing). Without JavaScript, without workers or without crypto.subtle (pages
// not served over HTTPS), the form still works and simply stays unsolved.
(function () {
  "use strict";
  var form = document.querySelector("form[data-challenge]");
  if (!form || !window.Worker || !window.crypto || !window.crypto.subtle || !window.TextEncoder) {
    return;
  }
  var challenge = JSON.parse(form.getAttribute("data-challenge"));
  var field = form.querySelector("input[name=altcha]");
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
})();
