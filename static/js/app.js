// Small helpers where htmx alone cannot help. Keep this file short.

// htmx drops 4xx responses by default; ours carry validation errors and conflict views
// that the user must see, so swap them in like a success.
document.addEventListener("htmx:beforeSwap", (event) => {
  const status = event.detail.xhr.status;
  if (status >= 400 && status < 500) {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
  }
});

// Screen readers only announce changes to live regions that were already in the page, so
// swapped-in results are read out through the two regions of base.html.
function announce(text, urgent) {
  const region = document.getElementById(urgent ? "announce-alert" : "announce-status");
  if (!region || !text.trim()) return;
  region.textContent = "";
  // A second identical message must still change the region to be announced again.
  setTimeout(() => { region.textContent = text.trim().replace(/\s+/g, " "); }, 50);
}
function within(root, selector) {
  return [...(root.matches(selector) ? [root] : []), ...root.querySelectorAll(selector)];
}

// After a validation error, focus what is wrong, not the form's first field: the first field
// in error (cross-field errors name theirs), else the summary of errors for the whole form.
function focusError(root) {
  const field = within(root, '[aria-invalid="true"]')[0];
  if (field) {
    field.focus();
    return true;
  }
  const summary = within(root, ".form-errors")[0];
  if (summary) {
    summary.tabIndex = -1;
    summary.focus();
    return true;
  }
  return false;
}
function errorsToAnnounce(root) {
  // An element with role="alert" is announced by itself when it is inserted.
  return within(root, ".errors, .error")
    .filter((error) => !error.closest('[role="alert"]') && !error.parentElement.closest(".errors, .error"))
    .map((error) => error.textContent)
    .join(" ");
}
document.addEventListener("DOMContentLoaded", () => {
  const main = document.getElementById("main");
  if (main) focusError(main);
});

// Focus [data-autofocus] only once htmx has wired what was swapped in. The browser honours a
// plain autofocus before that, so a Save pressed at once would post the form without htmx.
document.addEventListener("htmx:load", (event) => {
  const loaded = event.target;
  if (loaded === document.body) return;
  const errors = errorsToAnnounce(loaded);
  if (errors) announce(errors, true);
  if (focusError(loaded)) return;
  within(loaded, "[data-announce]").forEach((message) => announce(message.textContent, false));
  const field = within(loaded, "[data-autofocus]")[0];
  if (field) field.focus();
});
// A form saved with its button is replaced by what was saved: say so.
document.addEventListener("htmx:afterSwap", (event) => {
  const form = event.detail.requestConfig.elt;
  const status = event.detail.xhr.status;
  // An invalid or conflicting form comes back with a 4xx status.
  if (form && form.tagName === "FORM" && form.dataset.saved && status < 300) {
    announce(form.dataset.saved, false);
  }
});

// Wide tables scroll inside their wrapper on narrow screens, never the page: a wrapper that
// scrolls is named and focusable, so keyboard users can scroll it.
function markScrollRegions() {
  document.querySelectorAll(".table-wrap, .table, .timeline-page").forEach((box) => {
    const scrolls = box.scrollWidth > box.clientWidth + 1 && getComputedStyle(box).overflowX !== "visible";
    if (scrolls && !box.hasAttribute("tabindex")) {
      box.tabIndex = 0;
      box.dataset.scrollRegion = "";
      if (box.tagName !== "TABLE") {
        const caption = box.querySelector("caption");
        const heading = box.closest("section, .card, main").querySelector("h1, h2, h3");
        // A group, not a region: its name repeats the section's, and landmarks must be unique.
        box.setAttribute("role", "group");
        box.setAttribute("aria-label", (caption || heading || box).textContent.trim().replace(/\s+/g, " ").slice(0, 80));
      }
    } else if (!scrolls && box.hasAttribute("data-scroll-region")) {
      ["tabindex", "role", "aria-label", "data-scroll-region"].forEach((name) => box.removeAttribute(name));
    }
  });
}
let scrollRegionsQueued = false;
function queueScrollRegions() {
  if (scrollRegionsQueued) return;
  scrollRegionsQueued = true;
  requestAnimationFrame(() => {
    scrollRegionsQueued = false;
    markScrollRegions();
  });
}
document.addEventListener("DOMContentLoaded", queueScrollRegions);
document.addEventListener("htmx:load", queueScrollRegions);
window.addEventListener("resize", queueScrollRegions);

// Autosave status: "Unsaved changes" while typing, "Saving…" during the request, "Not saved"
// when the server cannot be reached. An autosave sends the whole form, so a field counts as
// saved once a request that carried it succeeds, unless it was typed in again meanwhile.
const unsaved = new Set();
function autosaveState(element) {
  const id = element && element.dataset ? element.dataset.autosave : null;
  return id ? document.getElementById(id) : null;
}
function autosaveFields(element) {
  const form = element.tagName === "FORM" ? element : element.closest("form");
  return form ? [...form.querySelectorAll("[data-autosave]")] : [];
}
document.addEventListener("input", (event) => {
  const state = autosaveState(event.target);
  if (state) {
    unsaved.add(event.target);
    state.textContent = state.dataset.unsaved;
  }
});
document.addEventListener("htmx:beforeRequest", (event) => {
  const sent = autosaveFields(event.detail.elt);
  sent.forEach((field) => unsaved.delete(field));
  event.detail.requestConfig.autosaveSent = sent;
  const state = autosaveState(event.detail.elt);
  if (state) state.textContent = state.dataset.saving;
});
document.addEventListener("htmx:afterRequest", (event) => {
  const sent = event.detail.requestConfig.autosaveSent || [];
  const status = event.detail.xhr ? event.detail.xhr.status : 0;
  if (status >= 200 && status < 500) {
    // Saved, or answered with the form again (invalid or conflicting): either way shown.
    const state = autosaveState(event.detail.elt);
    if (state && sent.some((field) => unsaved.has(field))) state.textContent = state.dataset.unsaved;
    return;
  }
  sent.forEach((field) => unsaved.add(field));
  const state = autosaveState(event.detail.elt);
  if (state) {
    state.textContent = state.dataset.failed;
    announce(state.dataset.failed, true);
  }
});
// The status line is not a live region (it changes on every keystroke); only the answer of a
// save is read out, once.
document.addEventListener("htmx:afterSwap", (event) => {
  const state = event.detail.target;
  if (state.classList && state.classList.contains("save-state") && !state.querySelector(".error")) {
    announce(state.textContent, false);
  }
});
// "Close" while a text waits for its autosave: save it now instead of dropping it.
document.addEventListener("htmx:confirm", (event) => {
  const close = event.detail.elt;
  if (close.matches && close.matches("[data-close-block]")) {
    const form = close.closest("form");
    if (autosaveFields(form).some((field) => unsaved.has(field))) {
      event.preventDefault();
      form.requestSubmit();
    }
  }
});
window.addEventListener("beforeunload", (event) => {
  for (const field of unsaved) {
    if (document.body.contains(field)) {
      event.preventDefault();
      return;
    }
  }
});

// "Cancel" on a row that is being added: drop the unsaved form row.
document.addEventListener("click", (event) => {
  const cancel = event.target.closest("[data-remove-row]");
  if (cancel) {
    event.preventDefault();
    cancel.closest("tr").remove();
  }
});
