// The comment form's signed timestamp. The article page is cached for every reader, so it cannot
// carry one; when a reader starts writing, this asks the server for a fresh one. Without
// JavaScript the server shows the form again with a timestamp and asks to confirm.
for (const form of document.querySelectorAll('form[data-token-url]')) {
  const field = form.querySelector('input[name="form_token"]');
  if (!field || field.value) continue;
  let asked = false;
  form.addEventListener('focusin', () => {
    if (asked) return;
    asked = true;
    fetch(form.dataset.tokenUrl, { cache: 'no-store', credentials: 'same-origin' })
      .then((response) => (response.ok ? response.text() : ''))
      .then((token) => {
        if (token && !field.value) field.value = token.trim();
      })
      .catch(() => {
        asked = false;
      });
  });
}
