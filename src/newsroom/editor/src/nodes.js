// The article's own blocks beyond StarterKit: a photo with its caption and credit, a pull quote,
// and an embed stored as a link that readers click to load (no third-party request before).
// Each parses the HTML the server's Markdown renderer writes (src/render/markdown.cpp), so an
// article opened in the editor becomes these nodes again.
import { Node, mergeAttributes } from '@tiptap/core';
import Image from '@tiptap/extension-image';

/** `<figure class="article-figure"><img><figcaption>caption <span class="credit">© credit</span>`. */
export const Figure = Image.extend({
  name: 'figure',
  group: 'block',
  inline: false,
  atom: true,
  draggable: true,
  addAttributes() {
    return { ...this.parent?.(), alt: { default: '' }, caption: { default: '' }, credit: { default: '' } };
  },
  // Image's `![alt](src)` input rule would lose the caption: the photo dialog inserts photos.
  addInputRules() {
    return [];
  },
  parseHTML() {
    return [
      {
        tag: 'figure.article-figure',
        getAttrs: (element) => {
          const image = element.querySelector('img');
          if (!image) return false;
          const credit = element.querySelector('figcaption .credit');
          const caption = element.querySelector('figcaption');
          let captionText = caption ? caption.textContent : '';
          if (credit) captionText = captionText.replace(credit.textContent, '');
          return {
            src: image.getAttribute('src'),
            alt: image.getAttribute('alt') || '',
            caption: captionText.trim(),
            credit: credit ? credit.textContent.replace(/^©\s*/, '').trim() : '',
          };
        },
      },
      {
        tag: 'img[src]',
        getAttrs: (element) => ({
          src: element.getAttribute('src'),
          alt: element.getAttribute('alt') || '',
          caption: element.getAttribute('title') || '',
        }),
      },
    ];
  },
  renderHTML({ node }) {
    const { src, alt, caption, credit } = node.attrs;
    const figcaption = ['figcaption', {}, caption];
    if (credit) figcaption.push(['span', { class: 'credit' }, `© ${credit}`]);
    return ['figure', { class: 'article-figure' }, ['img', { src, alt }], figcaption];
  },
  addCommands() {
    return {
      // A paragraph after it takes the cursor, so the next insertion does not replace the photo.
      insertFigure: (attrs) => ({ commands }) => commands.insertContent([{ type: this.name, attrs }, { type: 'paragraph' }]),
    };
  },
});

/** A sentence lifted out of the text: `<blockquote class="pullquote">`. */
export const PullQuote = Node.create({
  name: 'pullQuote',
  group: 'block',
  content: 'paragraph+',
  defining: true,
  parseHTML() {
    return [{ tag: 'blockquote.pullquote', priority: 60 }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['blockquote', mergeAttributes(HTMLAttributes, { class: 'pullquote' }), 0];
  },
  addCommands() {
    return {
      togglePullQuote: () => ({ commands }) => commands.toggleWrap(this.name),
    };
  },
});

/** A video or social post by URL: a placeholder link, loaded only when the reader asks. */
export const Embed = Node.create({
  name: 'embed',
  group: 'block',
  atom: true,
  addAttributes() {
    return { url: { default: null }, label: { default: '' } };
  },
  parseHTML() {
    return [
      {
        tag: 'figure.article-embed',
        getAttrs: (element) => {
          const link = element.querySelector('a[href]');
          if (!link) return false;
          return { url: link.getAttribute('href'), label: link.textContent.trim() };
        },
      },
    ];
  },
  renderHTML({ node }) {
    const { url, label } = node.attrs;
    return ['figure', { class: 'article-embed' },
      ['a', { href: url, class: 'article-embed-link', rel: 'noopener nofollow' }, label || url]];
  },
  addCommands() {
    return {
      insertEmbed: (attrs) => ({ commands }) => commands.insertContent([{ type: this.name, attrs }, { type: 'paragraph' }]),
    };
  },
});
