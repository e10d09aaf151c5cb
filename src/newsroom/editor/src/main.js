// The newsroom's rich-text editor (Tiptap). It stands in front of the body's Markdown textarea,
// which stays the form's field: every change is written back to it as Markdown, so the server,
// WXR export and `gazette publish` see Markdown as before, and without JavaScript the textarea
// is simply there. An article opened and saved without a change keeps its Markdown byte for byte.
import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import Link from '@tiptap/extension-link';
import { TableKit } from '@tiptap/extension-table';
import { Figure, PullQuote, Embed } from './nodes.js';
import { htmlToMarkdown } from './markdown.js';
import { cleanPastedHtml } from './paste.js';
import { startAutosave } from './autosave.js';
import { startWritingHelp } from './writing_help.js';
import { setUpPicker } from './picker.js';

const csrfToken = () => document.querySelector('input[name="csrf"]')?.value ?? '';

/** The server's own rendering of `markdown` (the preview endpoint), which the editor parses. */
async function renderedHtml(markdown, url) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-CSRF-Token': csrfToken() },
    body: markdown,
    credentials: 'same-origin',
  });
  if (!response.ok) throw new Error(`preview ${response.status}`);
  return response.text();
}

function button(label, title, run, isActive) {
  const element = document.createElement('button');
  element.type = 'button';
  element.className = 'nr-tool';
  // The glyph is what shows; the name said and searched is the word (no mismatch for axe).
  const glyph = document.createElement('span');
  glyph.setAttribute('aria-hidden', 'true');
  glyph.textContent = label;
  const name = document.createElement('span');
  name.className = 'visually-hidden';
  name.textContent = title;
  element.append(glyph, name);
  element.title = title;
  // A pointer leaves the focus in the text: otherwise the button keeps it until the editor
  // takes it back a frame later, and an Enter typed at once presses the button again.
  // Keyboard users who tab to the toolbar still press buttons as usual.
  element.addEventListener('mousedown', (event) => event.preventDefault());
  element.addEventListener('click', run);
  element.isActive = isActive;
  return element;
}

function makeToolbar(editor, text, actions) {
  const bar = document.createElement('div');
  bar.className = 'nr-toolbar';
  bar.setAttribute('role', 'toolbar');
  bar.setAttribute('aria-label', text.toolbar);
  const chain = () => editor.chain().focus();
  const tools = [
    button('H2', text.heading2, () => chain().toggleHeading({ level: 2 }).run(), () => editor.isActive('heading', { level: 2 })),
    button('H3', text.heading3, () => chain().toggleHeading({ level: 3 }).run(), () => editor.isActive('heading', { level: 3 })),
    button('G', text.bold, () => chain().toggleBold().run(), () => editor.isActive('bold')),
    button('I', text.italic, () => chain().toggleItalic().run(), () => editor.isActive('italic')),
    button('🔗', text.link, actions.link, () => editor.isActive('link')),
    button('•', text.bulletList, () => chain().toggleBulletList().run(), () => editor.isActive('bulletList')),
    button('1.', text.orderedList, () => chain().toggleOrderedList().run(), () => editor.isActive('orderedList')),
    button('❝', text.quote, () => chain().toggleBlockquote().run(), () => editor.isActive('blockquote')),
    button('❞❞', text.pullQuote, () => chain().togglePullQuote().run(), () => editor.isActive('pullQuote')),
    button('▦', text.table, () => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()),
    button('🖼', text.photo, actions.photo),
    button('▶', text.embed, actions.embed),
  ];
  bar.append(...tools);
  const refresh = () => {
    for (const tool of tools) if (tool.isActive) tool.setAttribute('aria-pressed', String(tool.isActive()));
  };
  editor.on('transaction', refresh);
  refresh();
  return bar;
}

async function start(textarea) {
  const text = { ...document.getElementById('nr-editor-text')?.dataset };
  const wrapper = document.createElement('div');
  wrapper.className = 'nr-rich';
  const surface = document.createElement('div');
  surface.className = 'nr-rich-surface';
  let userChanged = false;
  const editor = new Editor({
    element: surface,
    injectCSS: false, // the page's CSP takes no inline style: newsroom.css has what it needs
    extensions: [
      StarterKit.configure({ heading: { levels: [2, 3, 4] }, underline: false, link: false }),
      Link.configure({ openOnClick: false, autolink: true, protocols: ['http', 'https', 'mailto'],
        isAllowedUri: (url) => /^(https?:|mailto:|\/|#)/i.test(url) }),
      TableKit.configure({ table: { resizable: false } }),
      Figure,
      PullQuote,
      Embed,
    ],
    editorProps: {
      attributes: { class: 'nr-rich-text', role: 'textbox', 'aria-multiline': 'true',
        'aria-label': text.body || 'Texte', 'data-testid': 'rich-editor' },
      transformPastedHTML: cleanPastedHtml,
    },
    onUpdate: ({ editor: changed }) => {
      userChanged = true;
      textarea.value = htmlToMarkdown(changed.getHTML());
      textarea.dispatchEvent(new Event('input', { bubbles: true }));
    },
  });
  const load = async () => {
    const html = textarea.value.trim() ? await renderedHtml(textarea.value, textarea.dataset.preview) : '';
    editor.commands.setContent(html, { emitUpdate: false });
    userChanged = false;
  };

  const photos = setUpPicker(document.getElementById('nr-photo-picker'));
  const actions = {
    link: () => {
      const previous = editor.getAttributes('link').href || 'https://';
      const url = window.prompt(text.linkPrompt, previous);
      if (url === null) return;
      if (url === '') editor.chain().focus().unsetLink().run();
      else editor.chain().focus().extendMarkRange('link').setLink({ href: url }).run();
    },
    embed: () => {
      const url = window.prompt(text.embedPrompt, 'https://');
      if (!url || !/^https:\/\//i.test(url)) return;
      editor.chain().focus().insertEmbed({ url, label: new URL(url).hostname }).run();
    },
    photo: () => photos?.open((attrs) => editor.chain().focus().insertFigure(attrs).run()),
  };

  // Markdown or rich text: one shows at a time; the textarea is the truth when switching back.
  const toggle = button('', text.showMarkdown, async () => {
    const showMarkdown = !wrapper.hidden;
    if (!showMarkdown) await load();
    wrapper.hidden = showMarkdown;
    textarea.hidden = !showMarkdown;
    const label = showMarkdown ? text.showRich : text.showMarkdown;
    toggle.replaceChildren(label);
    toggle.title = label;
  });
  toggle.className = 'nr-mode';
  toggle.replaceChildren(text.showMarkdown);
  wrapper.append(makeToolbar(editor, text, actions), surface);
  textarea.before(toggle, wrapper);
  textarea.hidden = true;
  try {
    await load();
  } catch {
    // The server could not render it: the Markdown textarea stays the way to write.
    wrapper.hidden = true;
    textarea.hidden = false;
  }
  window.gazetteEditor = { editor, changed: () => userChanged, reload: load };
  return editor;
}

const textarea = document.querySelector('textarea[data-rich-editor]');
if (textarea) {
  start(textarea).then((editor) => {
    startAutosave(textarea.form, editor);
    startWritingHelp(textarea.form);
  });
}
