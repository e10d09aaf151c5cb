// Pasting from word processors: keep the structure (headings, lists, tables, bold, links), drop
// the styling. ProseMirror already drops whatever the schema has no place for (fonts, colours,
// classes); these fix-ups turn what Word and Google Docs write instead of structure back into it.

/** Word writes lists as paragraphs of class MsoListParagraph* with a bullet or number inside. */
function rebuildWordLists(root) {
  const items = [...root.querySelectorAll('p[class^="MsoListParagraph"], p[style*="mso-list"]')];
  let list = null;
  let previous = null;
  for (const paragraph of items) {
    // The marker ("·", "1.", "o") is in a span Word hides behind a conditional comment.
    for (const marker of paragraph.querySelectorAll('span[style*="mso-list:Ignore"], span[style*="mso-list: Ignore"]'))
      marker.remove();
    const text = paragraph.textContent.replace(/^[\s\u00a0·•o§▪-]+/, '');
    const ordered = /^\s*\d+[.)]/.test(paragraph.textContent);
    if (!list || previous?.nextElementSibling !== paragraph) {
      list = root.ownerDocument.createElement(ordered ? 'ol' : 'ul');
      paragraph.before(list);
    }
    const item = root.ownerDocument.createElement('li');
    item.innerHTML = paragraph.innerHTML;
    if (item.textContent.trim() !== text.trim()) item.textContent = text;
    list.append(item);
    previous = list;
    paragraph.remove();
  }
}

/** Google Docs wraps a whole paste in `<b style="font-weight:normal" id="docs-internal-guid…">`. */
function unwrapGoogleDocs(root) {
  for (const wrapper of root.querySelectorAll('b[id^="docs-internal-guid"]')) wrapper.replaceWith(...wrapper.childNodes);
}

/** ProseMirror's transformPastedHTML: the pasted HTML with word-processor structure restored. */
export function cleanPastedHtml(html) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  for (const node of doc.querySelectorAll('style, script, meta, link, xml, o\\:p')) node.remove();
  unwrapGoogleDocs(doc.body);
  // The page's title is its one h1: a pasted title becomes a subheading.
  for (const heading of doc.body.querySelectorAll('h1')) {
    const subheading = doc.createElement('h2');
    subheading.append(...heading.childNodes);
    heading.replaceWith(subheading);
  }
  rebuildWordLists(doc.body);
  for (const element of doc.body.querySelectorAll('[style]')) element.removeAttribute('style');
  for (const element of doc.body.querySelectorAll('[class^="Mso"], [class*=" Mso"]')) element.removeAttribute('class');
  return doc.body.innerHTML;
}
