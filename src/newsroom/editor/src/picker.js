// The photo picker: the media library in a dialog (search, choose, give caption, credit and alt
// text), and uploads of several photos at once, by the file field or dropped on the dialog,
// each with its own progress bar; a file the server refuses says why, the others go in.

function uploadOne(url, file, list) {
  const item = document.createElement('li');
  const name = document.createElement('span');
  name.textContent = file.name;
  const progress = document.createElement('progress');
  progress.max = 100;
  progress.value = 0;
  progress.setAttribute('aria-label', file.name);
  item.append(name, ' ', progress);
  list.append(item);
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('POST', url);
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) progress.value = Math.round((event.loaded / event.total) * 100);
    });
    const finish = (message, ok) => {
      const outcome = document.createElement('span');
      outcome.className = ok ? 'nr-upload-ok' : 'nr-upload-refused';
      outcome.textContent = message;
      item.append(' ', outcome);
      resolve(ok);
    };
    request.addEventListener('load', () => {
      let answer = {};
      try { answer = JSON.parse(request.responseText); } catch { /* not JSON: said below */ }
      if (request.status === 201) {
        progress.value = 100;
        finish('✓', true);
      } else {
        finish(answer.error || String(request.status), false);
      }
    });
    request.addEventListener('error', () => finish('✗', false));
    const data = new FormData();
    data.append('csrf', document.querySelector('input[name="csrf"]')?.value ?? '');
    data.append('file', file);
    request.send(data);
  });
}

export function setUpPicker(dialog) {
  if (!dialog) return null;
  const search = dialog.querySelector('[data-library]');
  const list = dialog.querySelector('.nr-picker-list');
  const form = dialog.querySelector('.nr-picker-form');
  const chosenImage = form.querySelector('img');
  const upload = dialog.querySelector('[data-upload]');
  const uploads = dialog.querySelector('.nr-uploads');
  let chosen = null;
  let onChoose = null;

  const refresh = async () => {
    const response = await fetch(`${search.dataset.library}?q=${encodeURIComponent(search.value)}`,
      { credentials: 'same-origin' });
    if (!response.ok) return;
    const images = await response.json();
    list.replaceChildren(...images.map((image) => {
      const item = document.createElement('li');
      const choose = document.createElement('button');
      choose.type = 'button';
      choose.className = 'nr-picker-item';
      const thumbnail = document.createElement('img');
      thumbnail.src = image.src;
      thumbnail.alt = image.alt || image.name;
      thumbnail.loading = 'lazy';
      choose.append(thumbnail);
      choose.addEventListener('click', () => {
        chosen = image;
        chosenImage.src = image.src;
        form.elements[0].value = image.caption;
        form.elements[1].value = image.credit || '';
        form.elements[2].value = image.alt;
        form.hidden = false;
        form.elements[2].focus();
      });
      item.append(choose);
      return item;
    }));
    if (images.length === 0) {
      const empty = document.createElement('li');
      empty.textContent = list.dataset.empty;
      list.append(empty);
    }
  };
  let timer;
  search.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(refresh, 200); });
  const send = async (files) => {
    await Promise.all([...files].map((file) => uploadOne(upload.dataset.upload, file, uploads)));
    refresh();
  };
  upload.addEventListener('change', () => send(upload.files));
  dialog.addEventListener('dragover', (event) => event.preventDefault());
  dialog.addEventListener('drop', (event) => {
    event.preventDefault();
    send(event.dataTransfer.files);
  });
  form.addEventListener('submit', () => {
    if (!chosen || !onChoose) return;
    onChoose({ src: chosen.src, caption: form.elements[0].value.trim(),
      credit: form.elements[1].value.trim(), alt: form.elements[2].value.trim() });
  });
  dialog.querySelector('[data-close]').addEventListener('click', () => dialog.close());
  return {
    open(choose) {
      onChoose = choose;
      chosen = null;
      form.hidden = true;
      dialog.showModal();
      refresh();
    },
  };
}
