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

// Autosave status: "Unsaved changes" while typing, "Saving…" during the request, "Not saved"
// when the server cannot be reached. The server's answer replaces the text when it arrives.
const unsaved = new Set();
function autosaveState(element) {
  const id = element && element.dataset ? element.dataset.autosave : null;
  return id ? document.getElementById(id) : null;
}
document.addEventListener("input", (event) => {
  const state = autosaveState(event.target);
  if (state) {
    unsaved.add(event.target);
    state.textContent = state.dataset.unsaved;
  }
});
document.addEventListener("htmx:beforeRequest", (event) => {
  const state = autosaveState(event.detail.elt);
  if (state) state.textContent = state.dataset.saving;
});
document.addEventListener("htmx:afterRequest", (event) => {
  const state = autosaveState(event.detail.elt);
  if (!state) {
    // A whole form was submitted: its fields are saved or shown again with the answer.
    if (event.detail.elt.tagName === "FORM") {
      event.detail.elt.querySelectorAll("[data-autosave]").forEach((field) => unsaved.delete(field));
    }
    return;
  }
  const status = event.detail.xhr ? event.detail.xhr.status : 0;
  if (status >= 200 && status < 300) unsaved.delete(event.detail.elt);
  // 4xx answers explain themselves (they are swapped in); no answer or a 5xx does not.
  else if (status < 400 || status >= 500) state.textContent = state.dataset.failed;
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
