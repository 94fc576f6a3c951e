// The proof of work off the page's main thread: finds the number that, appended to the salt, hashes
// (SHA-256) to the challenge, and posts it back (or null). Typing and scrolling never wait for it.
"use strict";
self.onmessage = async function (event) {
  var challenge = event.data;
  var encoder = new TextEncoder();
  for (var number = 0; number <= challenge.maxnumber; number++) {
    var digest = new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(challenge.salt + number)));
    var hex = "";
    for (var i = 0; i < digest.length; i++) {
      hex += (digest[i] < 16 ? "0" : "") + digest[i].toString(16);
    }
    if (hex === challenge.challenge) {
      self.postMessage(number);
      return;
    }
  }
  self.postMessage(null);
};
