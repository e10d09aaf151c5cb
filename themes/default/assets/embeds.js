// Videos in an article, loaded only when the reader asks: each embed the server recognised
// (figure.article-embed[data-embed-src], render/embed_player.h) gets a button naming the video's
// site; a click puts that site's player in place of the link. Until then nothing of the other
// site loads — no request, no cookie. Without this script the link is all there is.
(function () {
  'use strict';
  var body = document.querySelector('.article-body[data-embed-load]');
  if (!body) return;

  function text(template, provider) {
    return template.replace('{provider}', provider);
  }

  body.querySelectorAll('figure.article-embed[data-embed-src]').forEach(function (figure) {
    var provider = figure.dataset.embedProvider || '';
    var link = figure.querySelector('a.article-embed-link');
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'article-embed-load';
    button.textContent = text(body.dataset.embedLoad, provider);
    var notice = document.createElement('p');
    notice.className = 'article-embed-notice';
    notice.textContent = text(body.dataset.embedNotice || '', provider);
    figure.appendChild(button);
    figure.appendChild(notice);

    button.addEventListener('click', function () {
      var frame = document.createElement('iframe');
      frame.src = figure.dataset.embedSrc;
      frame.title = link ? link.textContent : provider;
      frame.allow = 'fullscreen; picture-in-picture; encrypted-media';
      frame.referrerPolicy = 'strict-origin-when-cross-origin';
      frame.className = 'article-embed-player';
      figure.replaceChildren(frame);
      if (link) {
        var caption = document.createElement('figcaption');
        caption.appendChild(link);
        figure.appendChild(caption);
      }
      frame.focus();
    });
  });
})();
