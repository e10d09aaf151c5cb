// The editor's HTML back to the Markdown the article stores (turndown and its GFM tables), with
// the syntax src/render/markdown.cpp reads for photos, pull quotes and embeds:
//   ![alt](src "caption © credit")      a photo with its caption and credit
//   > [!PULLQUOTE]                       a pull quote
//   [label](https://… "embed")           an embed, shown as a click-to-load placeholder
import TurndownService from 'turndown';
import { tables, strikethrough } from '@joplin/turndown-plugin-gfm';

const titleOf = (text) => text.replace(/["\\]/g, '\\$&').replace(/\s+/g, ' ').trim();
const urlOf = (url) => (url || '').replace(/[()\s]/g, (c) => encodeURIComponent(c));
const altOf = (text) => (text || '').replace(/[[\]\\]/g, '\\$&').replace(/\s+/g, ' ').trim();

function makeService() {
  const service = new TurndownService({
    headingStyle: 'atx',
    bulletListMarker: '-',
    codeBlockStyle: 'fenced',
    emDelimiter: '*',
    strongDelimiter: '**',
    hr: '---',
  });
  service.use([tables, strikethrough]);
  service.addRule('figure', {
    filter: (node) => node.nodeName === 'FIGURE' && node.classList.contains('article-figure'),
    replacement: (_content, node) => {
      const image = node.querySelector('img');
      if (!image) return '';
      const caption = node.querySelector('figcaption');
      const credit = node.querySelector('figcaption .credit');
      let captionText = caption ? caption.textContent : '';
      if (credit) captionText = captionText.replace(credit.textContent, '');
      const creditText = credit ? credit.textContent.replace(/^©\s*/, '').trim() : '';
      const title = [captionText.trim(), creditText ? `© ${creditText}` : ''].filter(Boolean).join(' ');
      const titlePart = title ? ` "${titleOf(title)}"` : '';
      return `\n\n![${altOf(image.getAttribute('alt'))}](${urlOf(image.getAttribute('src'))}${titlePart})\n\n`;
    },
  });
  service.addRule('embed', {
    filter: (node) => node.nodeName === 'FIGURE' && node.classList.contains('article-embed'),
    replacement: (_content, node) => {
      const link = node.querySelector('a[href]');
      if (!link) return '';
      const url = link.getAttribute('href');
      return `\n\n[${altOf(link.textContent) || altOf(url)}](${urlOf(url)} "embed")\n\n`;
    },
  });
  service.addRule('pullQuote', {
    filter: (node) => node.nodeName === 'BLOCKQUOTE' && node.classList.contains('pullquote'),
    replacement: (content) => {
      const body = content.replace(/^\n+|\n+$/g, '').replace(/^/gm, '> ');
      return `\n\n> [!PULLQUOTE]\n${body}\n\n`;
    },
  });
  // "- item" and "1. item", tight: Tiptap wraps each item's text in a paragraph.
  service.addRule('listItem', {
    filter: 'li',
    replacement: (content, node) => {
      const list = node.parentNode;
      let marker = '- ';
      if (list.nodeName === 'OL') {
        const start = Number(list.getAttribute('start') || 1);
        marker = `${start + Array.prototype.indexOf.call(list.children, node)}. `;
      }
      const text = content.replace(/^\n+|\n+$/g, '').replace(/\n/g, `\n${' '.repeat(marker.length)}`)
        .replace(/[ \t]+$/gm, '');
      return `${marker}${text}${node.nextElementSibling ? '\n' : ''}`;
    },
  });
  // Tiptap wraps each table cell's text in a paragraph; a GFM cell is one line.
  service.addRule('cellParagraph', {
    filter: (node) => node.nodeName === 'P' && /^(TD|TH)$/.test(node.parentNode?.nodeName || ''),
    replacement: (content, node) => (node.previousElementSibling ? ` ${content}` : content),
  });
  return service;
}

let service;

/** The Markdown of `html` (the editor's getHTML()). */
export function htmlToMarkdown(html) {
  service ??= makeService();
  return `${service.turndown(html).trim()}\n`;
}
