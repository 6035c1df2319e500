// Small helpers for the web page; everything else is Blazor.
(() => {
  "use strict";
  const draftKey = (key) => `todo.draft.${key}`;
  let addressListener = null;
  // The open conversation is not part of the history (Back does not change it), so it is carried into the entry Back
  // or Forward returns to.
  const carriedParts = ["c"];
  const carried = {};

  // Back and Forward between the page's own entries (a list, a filter) are the page's to show: registered before
  // blazor.web.js loads, this handler keeps Blazor from loading the page again.
  window.addEventListener("popstate", (event) => {
    if (addressListener) {
      event.stopImmediatePropagation();
      setParts(carried, false);
      addressListener.invokeMethodAsync("ShowAddressAsync", location.search);
    }
  });

  const setParts = (parts, newEntry) => {
    const url = new URL(location.href);
    Object.entries(parts).forEach(([name, value]) =>
      value === null || value === undefined ? url.searchParams.delete(name) : url.searchParams.set(name, value));
    if (url.href !== location.href) {
      (newEntry ? history.pushState : history.replaceState).call(history, history.state, "", url);
    }
  };

  // What is typed into a field marked data-draft is kept for this tab, even while the server is away.
  document.addEventListener("input", (event) => {
    const field = event.target;
    if (field instanceof HTMLElement && field.dataset.draft) {
      sessionStorage.setItem(draftKey(field.dataset.draft), field.value);
    }
  });

  // The browser's time zone: filled into an empty time zone field (sign-up), and offered by a button where a zone is
  // already set (settings) when it is another one. The server checks whatever is sent.
  const browserTimeZone = (() => {
    try {
      return Intl.DateTimeFormat().resolvedOptions().timeZone || null;
    } catch {
      return null;
    }
  })();
  if (browserTimeZone) {
    document.querySelectorAll("input[data-browser-time-zone]").forEach((field) => {
      if (!field.value) {
        field.value = browserTimeZone;
      }
    });
    document.querySelectorAll("button[data-use-browser-time-zone]").forEach((button) => {
      const field = document.getElementById(button.dataset.useBrowserTimeZone);
      if (field && field.value !== browserTimeZone) {
        button.textContent = `Use this browser's zone, ${browserTimeZone}`;
        button.hidden = false;
      }
    });
  }

  // Buttons that destroy for good ask first (the trash's "Delete forever", "Empty trash").
  document.addEventListener("submit", (event) => {
    const button = event.submitter;
    if (button?.dataset.confirm && !window.confirm(button.dataset.confirm)) {
      event.preventDefault();
    }
  });

  // The connection notice's buttons, and the settings' "Use this browser's zone".
  document.addEventListener("click", (event) => {
    const button = event.target instanceof Element ? event.target.closest("button") : null;
    if (!button) {
      return;
    }
    if (button.dataset.useBrowserTimeZone && browserTimeZone) {
      const field = document.getElementById(button.dataset.useBrowserTimeZone);
      if (field) {
        field.value = browserTimeZone;
        field.focus();
      }
      button.hidden = true;
    } else if (button.hasAttribute("data-reload")) {
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
    address: {
      // Sets (a value) or removes (null) query parameters of the current address, leaving the others, without a
      // navigation: a new history entry when asked for (Back returns to the previous view), else in place.
      set: (parts, newEntry) => {
        carriedParts.filter((name) => name in parts).forEach((name) => { carried[name] = parts[name]; });
        setParts(parts, newEntry);
      },
      // Tells the page (a .NET object with ShowAddressAsync(search)) when Back or Forward changed the address.
      watch: (listener) => { addressListener = listener; },
      unwatch: () => { addressListener = null; },
    },
    // Puts the keyboard somewhere sensible (after the focused element went away, or in a form just opened); whether it did.
    focus: (id) => {
      const element = document.getElementById(id);
      element?.focus();
      return element !== null && document.activeElement === element;
    },
    // Keeps the newest message in view.
    scrollToEnd: (element) => element && (element.scrollTop = element.scrollHeight),
  };
})();
