// Small helpers for the web page; everything else is Blazor.
(() => {
  "use strict";
  const draftKey = (key) => `todo.draft.${key}`;

  // What is typed into a field marked data-draft is kept for this tab, even while the server is away.
  document.addEventListener("input", (event) => {
    const field = event.target;
    if (field instanceof HTMLElement && field.dataset.draft) {
      sessionStorage.setItem(draftKey(field.dataset.draft), field.value);
    }
  });

  // The connection notice's buttons.
  document.addEventListener("click", (event) => {
    const button = event.target instanceof Element ? event.target.closest("button") : null;
    if (!button) {
      return;
    }
    if (button.hasAttribute("data-reload")) {
      location.reload();
    } else if (button.hasAttribute("data-reconnect")) {
      const blazor = window.Blazor;
      const retry = document.getElementById("components-reconnect-modal")?.classList.contains("components-reconnect-paused")
        ? blazor?.resumeCircuit
        : blazor?.reconnect;
      Promise.resolve(retry?.call(blazor)).then((ok) => ok === false && location.reload(), () => location.reload());
    }
  });

  window.todo = {
    drafts: {
      read: (key) => sessionStorage.getItem(draftKey(key)),
      clear: (keys) => keys.forEach((key) => sessionStorage.removeItem(draftKey(key))),
    },
    // Changes the address without a navigation, so a reload reopens the same conversation.
    replaceUrl: (url) => history.replaceState(history.state, "", url),
    // Puts the keyboard back somewhere sensible after the focused element went away.
    focus: (id) => document.getElementById(id)?.focus(),
    // Keeps the newest message in view.
    scrollToEnd: (element) => element && (element.scrollTop = element.scrollHeight),
  };
})();
