// Article page: select an event (from the list, a trigger in the text, or the #ev-N hash) to highlight its
// evidence sentence in the text and show it in the list.
(function () {
  "use strict";
  const text = document.getElementById("article-text");
  const list = document.getElementById("event-list");
  if (!text || !list) return;

  function select(index, scroll) {
    text.querySelectorAll(".focus").forEach((el) => el.classList.remove("focus"));
    list.querySelectorAll("li.selected").forEach((el) => el.classList.remove("selected"));
    const item = document.getElementById("ev-" + index);
    if (!item) return;
    item.classList.add("selected");
    const parts = text.querySelectorAll('[data-ev~="' + index + '"]');
    parts.forEach((el) => el.classList.add("focus"));
    if (scroll && parts.length) parts[0].scrollIntoView({ block: "center", behavior: "smooth" });
    item.scrollIntoView({ block: "nearest" });
    history.replaceState(null, "", "#ev-" + index);
  }

  list.addEventListener("click", (event) => {
    if (event.target.closest("a")) return;
    const item = event.target.closest("li[data-event]");
    if (item) select(item.dataset.event, true);
  });
  list.addEventListener("keydown", (event) => {
    const item = event.target.closest("li[data-event]");
    if (item && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      select(item.dataset.event, true);
    }
  });
  text.addEventListener("click", (event) => {
    const trigger = event.target.closest("[data-trigger]");
    if (trigger) select(trigger.dataset.trigger, false);
  });
  const match = /^#ev-(\d+)$/.exec(location.hash);
  if (match) select(match[1], true);
})();
