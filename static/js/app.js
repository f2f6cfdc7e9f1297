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

// Focus [data-autofocus] only once htmx has wired what was swapped in. The browser honours a
// plain autofocus before that, so a Save pressed at once would post the form without htmx.
document.addEventListener("htmx:load", (event) => {
  const loaded = event.target;
  const field = loaded.matches("[data-autofocus]") ? loaded : loaded.querySelector("[data-autofocus]");
  if (field) field.focus();
});

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
  if (state) state.textContent = state.dataset.failed;
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
