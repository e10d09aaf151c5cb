// The newsroom's only script, and an optional one: every form works without it. It adds the
// live Markdown preview, tag suggestions and a slug derived from the title as one types.
'use strict';

/** The CSRF token of the page's forms, sent with the preview requests. */
function csrfToken() {
  const input = document.querySelector('input[name="csrf"]');
  return input ? input.value : '';
}

/** Calls `fn` once typing has paused for `ms`. */
function debounce(fn, ms) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

// The body rendered by the server's own Markdown renderer (which drops raw HTML), so what is
// shown is exactly what the article page will carry.
for (const textarea of document.querySelectorAll('textarea[data-preview]')) {
  const target = document.getElementById(textarea.dataset.previewInto);
  const render = debounce(async () => {
    const response = await fetch(textarea.dataset.preview, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-CSRF-Token': csrfToken() },
      body: textarea.value,
      credentials: 'same-origin',
    });
    if (response.ok) target.innerHTML = await response.text();
  }, 300);
  textarea.addEventListener('input', render);
}

// Tags: suggestions for the tag being typed (after the last comma), from the existing tags.
for (const input of document.querySelectorAll('input[data-tag-suggest]')) {
  const list = document.getElementById(input.getAttribute('list'));
  const suggest = debounce(async () => {
    const parts = input.value.split(',');
    const typed = parts.pop().trim();
    if (typed.length === 0) return;
    const response = await fetch(`${input.dataset.tagSuggest}?q=${encodeURIComponent(typed)}`, {
      credentials: 'same-origin',
    });
    if (!response.ok) return;
    const names = await response.json();
    const prefix = parts.map((part) => part.trim()).filter(Boolean).join(', ');
    list.replaceChildren(...names.map((name) => {
      const option = document.createElement('option');
      option.value = prefix ? `${prefix}, ${name}` : name;
      return option;
    }));
  }, 200);
  input.addEventListener('input', suggest);
}

// The slug follows the title until someone edits it (the server derives it the same way when
// it is left empty, with full transliteration).
const slug = document.querySelector('input[data-slug-target]');
const title = document.querySelector('input[data-slug-source]');
if (slug && title && slug.value === '' && !slug.hasAttribute('data-edited')) {
  let touched = false;
  slug.addEventListener('input', () => { touched = true; });
  title.addEventListener('input', () => {
    if (touched) return;
    slug.value = title.value.normalize('NFD').replace(/[\u0300-\u036f]/g, '')
      .replace(/[œŒ]/g, 'oe').replace(/[æÆ]/g, 'ae').toLowerCase()
      .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  });
}

// A click on a photo marked data-focal-picker puts its focal point there: the focal_x and focal_y
// inputs beside it (the editor's photo fieldset, the library's item) take the click's place in
// percent; the inputs stay the way to type it.
for (const photo of document.querySelectorAll('img[data-focal-picker]')) {
  const scope = photo.closest('fieldset, li');
  const x = scope && scope.querySelector('input[name="focal_x"]');
  const y = scope && scope.querySelector('input[name="focal_y"]');
  if (!x || !y) continue;
  photo.addEventListener('click', (event) => {
    const box = photo.getBoundingClientRect();
    const percent = (offset, size) => Math.min(100, Math.max(0, Math.round((offset / size) * 100)));
    x.value = percent(event.clientX - box.left, box.width);
    y.value = percent(event.clientY - box.top, box.height);
  });
}
