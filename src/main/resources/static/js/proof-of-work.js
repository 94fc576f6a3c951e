// Solves the form's ALTCHA challenge in the background while the resident writes: finds the number
// that, appended to the salt, hashes (SHA-256) to the challenge. Without JavaScript, or without
// crypto.subtle (pages not served over HTTPS), the form still works and simply stays unsolved.
(function () {
  "use strict";
  var form = document.querySelector("form[data-challenge]");
  if (!form || !window.crypto || !window.crypto.subtle || !window.TextEncoder) {
    return;
  }
  var challenge = JSON.parse(form.getAttribute("data-challenge"));
  var field = form.querySelector("input[name=altcha]");
  var encoder = new TextEncoder();

  function hex(buffer) {
    return Array.prototype.map.call(new Uint8Array(buffer), function (b) {
      return ("0" + b.toString(16)).slice(-2);
    }).join("");
  }

  function attempt(number) {
    if (number > challenge.maxnumber) {
      return Promise.resolve(null);
    }
    return crypto.subtle.digest("SHA-256", encoder.encode(challenge.salt + number)).then(function (digest) {
      return hex(digest) === challenge.challenge ? number : attempt(number + 1);
    });
  }

  attempt(0).then(function (number) {
    if (number === null) {
      return;
    }
    field.value = btoa(JSON.stringify({
      algorithm: challenge.algorithm,
      challenge: challenge.challenge,
      number: number,
      salt: challenge.salt,
      signature: challenge.signature
    }));
  });
})();
