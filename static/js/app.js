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
