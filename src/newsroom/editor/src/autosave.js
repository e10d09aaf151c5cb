// Autosave. Every change is copied at once into localStorage (so a lost connection or a closed
// tab never loses typed text), and a draft is sent a few seconds after typing pauses through the
// form's own save, version and all: a newer revision on the server still answers 409, and the
// editor stops autosaving and says so. Articles already published or scheduled are not saved
// behind the writer's back (that would change what readers see): they keep the local copy only.
const kPauseMs = 3000;
const kFields = ['title', 'slug', 'lead', 'body', 'tags', 'categories', 'caption', 'alt'];

function formatTime(date) {
  const hours = date.getHours();
  const minutes = String(date.getMinutes()).padStart(2, '0');
  return document.documentElement.lang === 'fr' ? `${hours} h ${minutes}` : `${hours}:${minutes}`;
}

export function startAutosave(form, editor) {
  const text = { ...document.getElementById('nr-editor-text')?.dataset };
  const status = document.getElementById('nr-autosave');
  const say = (message, kind = '') => {
    if (!status) return;
    status.textContent = message;
    status.dataset.kind = kind;
  };
  // Not form.action: the form's buttons are named "action", which shadows that property.
  const address = () => new URL(form.getAttribute('action'), location.href).pathname;
  let key = `gazette-draft:${address()}`;
  const snapshot = () => Object.fromEntries(kFields.map((name) => [name, form.elements[name]?.value ?? '']));
  const differs = (a, b) => kFields.some((name) => (a[name] ?? '') !== (b[name] ?? ''));
  const toServer = form.dataset.autosave === 'server';

  // A copy the server never got, left by an earlier visit: offer it back.
  const left = JSON.parse(localStorage.getItem(key) || 'null');
  if (left && differs(left.values, snapshot())) {
    const offer = document.getElementById('nr-restore');
    if (offer) {
      offer.hidden = false;
      offer.querySelector('[data-restore]').addEventListener('click', async () => {
        for (const name of kFields) if (form.elements[name]) form.elements[name].value = left.values[name] ?? '';
        await window.gazetteEditor?.reload();
        offer.hidden = true;
        changed();
      });
      offer.querySelector('[data-discard]').addEventListener('click', () => {
        localStorage.removeItem(key);
        offer.hidden = true;
      });
    }
  }

  let timer = null;
  let edits = 0;
  let stopped = false;
  const keepLocal = () => localStorage.setItem(key, JSON.stringify({ values: snapshot(), at: Date.now() }));

  let inFlight = null;
  function save() {
    inFlight = send().finally(() => { inFlight = null; });
    return inFlight;
  }

  async function send() {
    if (stopped || !toServer || !form.elements.title.value.trim()) return;
    const editsSent = edits;
    const data = new FormData(form);
    data.delete('photo');
    data.set('action', 'save');
    say(text.saving, 'saving');
    let response;
    try {
      response = await fetch(address(), { method: 'POST', body: data, credentials: 'same-origin' });
    } catch {
      say(text.offline, 'offline');
      return;
    }
    if (response.status === 409) {
      stopped = true;
      say(text.conflict, 'conflict');
      return;
    }
    if (!response.ok) {
      say(text.notSaved, 'error');
      return;
    }
    const page = new DOMParser().parseFromString(await response.text(), 'text/html');
    const version = page.querySelector('input[name="version"]')?.value;
    if (version) form.elements.version.value = version;
    const saved = new URL(response.url);
    if (saved.pathname !== address()) {
      // A new article got its id: the form and the address now name it.
      localStorage.removeItem(key);
      form.setAttribute('action', saved.pathname);
      history.replaceState(null, '', saved.pathname);
      key = `gazette-draft:${saved.pathname}`;
      const slug = page.querySelector('input[name="slug"]')?.value;
      if (slug && form.elements.slug && !form.elements.slug.value) form.elements.slug.value = slug;
    }
    if (edits === editsSent) localStorage.removeItem(key);
    say(text.savedAt.replace('{time}', formatTime(new Date())), 'saved');
  }

  function changed() {
    edits += 1;
    keepLocal();
    if (!toServer) return;
    clearTimeout(timer);
    timer = setTimeout(save, kPauseMs);
  }
  form.addEventListener('input', changed);
  window.addEventListener('online', () => { if (localStorage.getItem(key)) save(); });
  // The form's own buttons save everything: the local copy is no longer needed once it is sent.
  // A save in flight finishes first, so the form posts to the article it created and with the
  // version it got.
  form.addEventListener('submit', async (event) => {
    clearTimeout(timer);
    if (inFlight) {
      event.preventDefault();
      await inFlight;
      form.requestSubmit(event.submitter);
      return;
    }
    stopped = true;
    localStorage.removeItem(key);
  });
  return { save };
}
