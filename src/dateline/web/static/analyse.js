// Analyse page: an opened .txt file fills the text box (read in the browser; the form posts text only).
(function () {
  "use strict";
  const input = document.getElementById("analyse-file");
  const box = document.getElementById("analyse-text");
  if (!input || !box) return;
  input.addEventListener("change", () => {
    const file = input.files && input.files[0];
    if (!file) return;
    file.text().then((content) => { box.value = content.replace(/\r\n?/g, "\n"); });
  });
})();
