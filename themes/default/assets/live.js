// The live coverage's page, kept current without a reload: it listens to the article's event
// stream (ARTICLE_PATH/live, site/live_streams.cpp). New entries wait behind a « 3 nouvelles
// entrées » button rather than pushing down the text being read; edited and deleted entries
// change in place; the end of the coverage changes the label. Without this script the page is
// complete and a reload shows the latest.
(function () {
  'use strict';
  var section = document.querySelector('section.live[data-stream]');
  if (!section) return;
  var list = section.querySelector('.live-entries');
  var newBox = section.querySelector('.live-new');
  var newButton = section.querySelector('.live-new-button');
  var waiting = []; // entries received, newest last, not shown yet
  var RELATIVE_SPAN_MINUTES = 60; // as the server: past an hour, the time of day

  function entryElement(id) {
    return section.querySelector('[data-entry="' + id + '"]');
  }

  function fromHtml(html) {
    var template = document.createElement('template');
    template.innerHTML = html.trim();
    return template.content.firstElementChild;
  }

  function countText(n) {
    var text = n === 1 ? section.dataset.newOne : section.dataset.newMany;
    return (text || '{n}').replace('{n}', String(n));
  }

  function showWaitingCount() {
    if (!newBox || !newButton) return;
    newBox.hidden = waiting.length === 0;
    newButton.textContent = countText(waiting.length);
  }

  function addKeyEvent(entry) {
    if (!entry.key || !entry.key_text) return;
    var summary = section.querySelector('.live-key-events');
    var nav = summary && summary.querySelector('ol');
    if (!nav) return;
    summary.hidden = false;
    var item = document.createElement('li');
    var link = document.createElement('a');
    link.href = '#entry-' + entry.id;
    var time = document.createElement('time');
    time.dateTime = entry.time_iso;
    time.textContent = entry.time_text;
    link.appendChild(time);
    link.appendChild(document.createTextNode(' ' + entry.key_text));
    item.appendChild(link);
    item.dataset.keyOf = entry.id;
    nav.insertBefore(item, nav.firstChild);
  }

  function removeKeyEvent(id) {
    var item = section.querySelector('[data-key-of="' + id + '"]');
    if (item) item.remove();
    var summary = section.querySelector('.live-key-events');
    if (summary && !summary.querySelector('li')) summary.hidden = true;
  }

  function showWaiting() {
    if (!list) return;
    var empty = section.querySelector('.empty');
    if (empty) empty.remove();
    waiting.forEach(function (entry) {
      var item = document.createElement('li');
      item.appendChild(fromHtml(entry.html));
      list.insertBefore(item, list.firstChild);
      addKeyEvent(entry);
    });
    var first = waiting.length ? entryElement(waiting[waiting.length - 1].id) : null;
    waiting = [];
    showWaitingCount();
    if (first) {
      first.tabIndex = -1;
      first.focus();
    }
  }

  function removeEntry(id) {
    waiting = waiting.filter(function (entry) { return String(entry.id) !== String(id); });
    showWaitingCount();
    var element = entryElement(id);
    if (element) (element.closest('li') || element).remove();
    removeKeyEvent(id);
  }

  function onEntry(message) {
    var entry = JSON.parse(message.data);
    var shown = entryElement(entry.id);
    if (shown) {
      shown.replaceWith(fromHtml(entry.html));
      return;
    }
    var queued = waiting.findIndex(function (e) { return e.id === entry.id; });
    if (queued >= 0) waiting[queued] = entry;
    else waiting.push(entry);
    showWaitingCount();
  }

  function onPresent(message) {
    var ids = JSON.parse(message.data).ids.map(String);
    section.querySelectorAll('[data-entry]').forEach(function (element) {
      if (ids.indexOf(element.dataset.entry) < 0) removeEntry(element.dataset.entry);
    });
  }

  function onEnded(message, stream) {
    var ended = JSON.parse(message.data);
    section.removeAttribute('data-on-air');
    var heading = section.querySelector('#live-heading');
    if (heading) heading.textContent = ended.label;
    if (!section.querySelector('.live-ended')) {
      var note = document.createElement('p');
      note.className = 'live-ended';
      var time = document.createElement('time');
      time.dateTime = ended.ended_iso;
      time.textContent = ended.ended_text;
      note.append(ended.label + ' : ', time);
      heading.after(note);
    }
    showWaiting();
    stream.close();
  }

  // « il y a 3 min » goes stale on a page kept open: rewritten every minute.
  function refreshTimes() {
    var now = Date.now();
    section.querySelectorAll('.live-meta time[datetime]').forEach(function (time) {
      var minutes = Math.floor((now - Date.parse(time.dateTime)) / 60000);
      if (isNaN(minutes) || minutes < 0) return;
      if (minutes >= RELATIVE_SPAN_MINUTES) {
        time.textContent = time.dateTime.substr(11, 5); // the site's time of day, as the server
      } else if (minutes === 0) {
        time.textContent = section.dataset.justNow || time.textContent;
      } else if (section.dataset.minutesAgo) {
        time.textContent = section.dataset.minutesAgo.replace('{n}', String(minutes));
      }
    });
  }

  if (newButton) newButton.addEventListener('click', showWaiting);
  setInterval(refreshTimes, 60000);
  if (!('EventSource' in window) || !section.hasAttribute('data-on-air')) return;
  var url = section.dataset.stream + (section.dataset.since ? '?since=' + section.dataset.since : '');
  var stream = new EventSource(url);
  stream.addEventListener('entry', onEntry);
  stream.addEventListener('deleted', function (message) {
    removeEntry(JSON.parse(message.data).id);
  });
  stream.addEventListener('present', onPresent);
  stream.addEventListener('ended', function (message) { onEnded(message, stream); });
})();
