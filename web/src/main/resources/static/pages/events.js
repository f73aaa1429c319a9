// Live events: the latest events of the user's communes, then each new one as the server pushes it.
(function () {
  'use strict';
  const MAX_ROWS = 200;
  const events = []; // newest first
  let body;

  const messages = {
    vi: { navEvents: 'Sự kiện', eventsTable: 'Sự kiện mới nhất, mới nhất ở trên' },
    en: { navEvents: 'Events', eventsTable: 'Latest events, newest first' }
  };
  const t = key => App.t(key);
  const el = (...args) => App.el(...args);

  function row(e) {
    return el('tr', { 'data-id': e.id, 'data-type': e.type, class: 'event ' + e.type.toLowerCase() },
      el('td', { class: 'time' }, el('time', { datetime: e.occurredAt, text: App.formatTime(e.occurredAt) })),
      el('td', { class: 'camera', 'data-raw': true, text: e.cameraName + ' (' + e.cameraId + ')' }),
      el('td', { class: 'commune', 'data-raw': true, text: e.commune }),
      el('td', { class: 'type' }, t(e.type), e.detail ? el('span', { 'data-raw': true, text: ' — ' + e.detail }) : null),
      el('td', { class: 'score', text: e.score == null ? '' : (e.score * 100).toFixed(1) + ' %' }));
  }

  function render() {
    body.replaceChildren(...events.map(row));
  }

  function add(e) {
    if (events.some(x => x.id === e.id)) return;
    events.unshift(e);
    if (events.length > MAX_ROWS) events.length = MAX_ROWS;
    body.prepend(row(e));
    while (body.rows.length > MAX_ROWS) body.deleteRow(body.rows.length - 1);
  }

  App.registerPage({
    id: 'events', navKey: 'navEvents', messages,
    render(section) {
      body = el('tbody');
      section.append(el('div', { class: 'table-wrap' }, el('table', { id: 'events' },
        el('caption', { class: 'visually-hidden', 'data-i18n': 'eventsTable', text: t('eventsTable') }),
        el('thead', {}, el('tr', {}, ...['time', 'camera', 'commune', 'event', 'score']
          .map(k => el('th', { scope: 'col', 'data-i18n': k, text: t(k) })))),
        body)));
      App.on('camera-event', add);
      App.api('/api/events?limit=50').then(rows => {
        rows.filter(e => !events.some(x => x.id === e.id)).forEach(e => events.push(e));
        events.sort((x, y) => y.occurredAt.localeCompare(x.occurredAt));
        render();
      });
    },
    onLanguage() {
      if (body) render();
    }
  });
})();
