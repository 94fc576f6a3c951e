// "Listen": reads a guide or an answer aloud with the browser's own speech synthesis, in the language of
// the text, when the device has a voice for that language. Nothing leaves the device. Without such a voice,
// or without JavaScript, the button stays hidden.
(function () {
  "use strict";
  var speech = window.speechSynthesis;
  if (!speech || typeof window.SpeechSynthesisUtterance !== "function") {
    return;
  }
  var buttons = document.querySelectorAll("button[data-listen]");
  if (buttons.length === 0) {
    return;
  }

  function voiceFor(lang) {
    var wanted = lang.toLowerCase();
    var base = wanted.split("-")[0];
    var voices = speech.getVoices();
    return voices.filter(function (v) { return v.lang && v.lang.toLowerCase() === wanted; })[0]
      || voices.filter(function (v) { return v.lang && v.lang.toLowerCase().split(/[-_]/)[0] === base; })[0];
  }

  // one utterance per heading, paragraph or list item: long utterances are cut off by some browsers
  function pieces(root) {
    var blocks = root.querySelectorAll("h1, h2, h3, h4, p, li, th, td");
    var texts = [];
    blocks.forEach(function (block) {
      if (block.closest(".aci-no-print, .aci-no-listen, .visually-hidden, .text-muted, nav") || block.querySelector("p, li")) {
        return;
      }
      var text = block.innerText.trim();
      if (text) {
        texts.push(text);
      }
    });
    return texts;
  }

  function setUp() {
    buttons.forEach(function (button) {
      var root = document.getElementById(button.getAttribute("data-listen"));
      var lang = root && root.getAttribute("lang");
      var voice = lang && voiceFor(lang);
      if (!voice || button.dataset.ready) {
        return;
      }
      button.dataset.ready = "true";
      var label = button.querySelector(".aci-listen-label");
      var start = label.textContent;
      var stop = button.getAttribute("data-stop");
      button.hidden = false;
      function reset() {
        label.textContent = start;
        button.setAttribute("aria-pressed", "false");
      }
      button.addEventListener("click", function () {
        if (button.getAttribute("aria-pressed") === "true") {
          speech.cancel();
          reset();
          return;
        }
        speech.cancel();
        var texts = pieces(root);
        texts.forEach(function (text, i) {
          var utterance = new SpeechSynthesisUtterance(text);
          utterance.lang = lang;
          utterance.voice = voice;
          if (i === texts.length - 1) {
            utterance.onend = reset;
          }
          speech.speak(utterance);
        });
        label.textContent = stop;
        button.setAttribute("aria-pressed", "true");
      });
    });
  }

  setUp();
  // a mark that the voices present at load were looked at (what tests wait for)
  document.documentElement.setAttribute("data-listen-checked", "");
  // voices often arrive after the page has loaded
  if (typeof speech.addEventListener === "function") {
    speech.addEventListener("voiceschanged", setUp);
  }
  window.addEventListener("pagehide", function () { speech.cancel(); });
})();
