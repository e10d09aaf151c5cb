// Help while writing: word count and reading time, the article as a search result and as a
// share card (title, description, photo), and a warning when the headline or the description
// is longer than either shows.
const kWordsPerMinute = 230;
// What search results and share cards show before cutting (characters).
const kTitleLimit = 60;
const kDescriptionLimit = 155;

function plainText(markdown) {
  return markdown
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^>\s*\[!PULLQUOTE\]/gim, ' ')
    .replace(/[#>*_`~|-]+/g, ' ');
}

export function startWritingHelp(form) {
  const panel = document.getElementById('nr-writing-help');
  if (!panel) return;
  const text = { ...panel.dataset };
  panel.hidden = false;
  const field = (name) => panel.querySelector(`[data-field="${name}"]`);
  const warning = (element, message) => {
    element.textContent = message || '';
    element.hidden = !message;
  };
  const update = () => {
    const title = form.elements.title.value.trim();
    const description = form.elements.lead.value.trim();
    const body = plainText(`${description} ${form.elements.body.value}`);
    const words = body.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
    field('words').textContent = text.words.replace('{n}', words.toLocaleString(document.documentElement.lang));
    field('minutes').textContent = text.minutes.replace('{n}', Math.max(1, Math.ceil(words / kWordsPerMinute)));
    for (const name of ['serp-title', 'card-title']) field(name).textContent = title || text.untitled;
    for (const name of ['serp-description', 'card-description']) {
      field(name).textContent = description.length > kDescriptionLimit
        ? `${description.slice(0, kDescriptionLimit - 1)}…` : description;
    }
    const slug = form.elements.slug.value || '…';
    const section = form.elements.section?.value || '';
    field('serp-url').textContent = `${location.host}/${section}/${slug}/`;
    warning(field('title-warning'), title.length > kTitleLimit
      ? text.titleTooLong.replace('{n}', title.length).replace('{max}', kTitleLimit) : '');
    warning(field('description-warning'), description.length > kDescriptionLimit
      ? text.descriptionTooLong.replace('{n}', description.length).replace('{max}', kDescriptionLimit) : '');
  };
  form.addEventListener('input', update);
  form.addEventListener('change', update);
  update();
}
