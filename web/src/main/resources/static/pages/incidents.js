// The incident log: operators open incidents from alerts and work them (status, notes, evidence);
// commune heads read their commune's log (the server scopes it), filter it and export it.
(function () {
  'use strict';
  const STATUSES = ['OPEN', 'INVESTIGATING', 'RESOLVED', 'CLOSED'];
  const NEXT = { OPEN: ['INVESTIGATING', 'RESOLVED', 'CLOSED'], INVESTIGATING: ['RESOLVED', 'CLOSED'],
    RESOLVED: ['INVESTIGATING', 'CLOSED'], CLOSED: [] };
  let incidents = [];
  let listView, detailView, body, statusFilter, textFilter, exportLink;

  const messages = {
    vi: {
      navIncidents: 'Vụ việc', incidentTitle: 'Tiêu đề', incidentStatus: 'Tình trạng', openedAt: 'Mở lúc',
      openedBy: 'Người mở', assignee: 'Người phụ trách', alertsCount: 'Cảnh báo', communes: 'Xã', allIncidents: 'Mọi tình trạng',
      searchTitle: 'Tìm theo tiêu đề', exportLog: 'Xuất CSV', noIncidents: 'Chưa có vụ việc nào.', backToLog: 'Về danh sách vụ việc',
      linkedAlerts: 'Các cảnh báo', timeline: 'Diễn biến',
      moveTo: 'Chuyển sang', evidence: 'Tải hồ sơ chứng cứ (ZIP)', media: 'Ảnh và đoạn video', noMedia: 'Chưa có ảnh hay video.',
      OPEN_INCIDENT: 'Mới mở', INVESTIGATING: 'Đang xác minh', RESOLVED: 'Đã giải quyết', CLOSED: 'Đã đóng',
      TL_OPENED: 'Mở vụ việc', TL_STATUS_CHANGED: 'Đổi tình trạng', TL_ASSIGNED: 'Giao việc', TL_NOTE: 'Ghi chú',
      TL_ALERT_LINKED: 'Thêm cảnh báo', TL_EVENT: 'Sự kiện camera', TL_ALERT_HANDLED: 'Xử lý cảnh báo'
    },
    en: {
      navIncidents: 'Incidents', incidentTitle: 'Title', incidentStatus: 'Status', openedAt: 'Opened',
      openedBy: 'Opened by', assignee: 'Assignee', alertsCount: 'Alerts', communes: 'Communes', allIncidents: 'Any status',
      searchTitle: 'Search titles', exportLog: 'Export CSV', noIncidents: 'No incidents yet.', backToLog: 'Back to the incident log',
      linkedAlerts: 'Alerts', timeline: 'Timeline',
      moveTo: 'Move to', evidence: 'Download the evidence (ZIP)', media: 'Snapshots and clips', noMedia: 'No snapshots or clips yet.',
      OPEN_INCIDENT: 'Open', INVESTIGATING: 'Investigating', RESOLVED: 'Resolved', CLOSED: 'Closed',
      TL_OPENED: 'Opened', TL_STATUS_CHANGED: 'Status changed', TL_ASSIGNED: 'Assigned', TL_NOTE: 'Note',
      TL_ALERT_LINKED: 'Alert linked', TL_EVENT: 'Camera event', TL_ALERT_HANDLED: 'Alert handled'
    }
  };
  const t = key => App.t(key);
  const el = (...args) => App.el(...args);
  // OPEN is already the alert state's word; an incident's OPEN has its own key
  const statusKey = s => s === 'OPEN' ? 'OPEN_INCIDENT' : s;
  const desk = () => ['ADMIN', 'OPERATOR'].includes(App.me().role);

  function shown() {
    const words = textFilter.value.trim().toLowerCase();
    const district = document.getElementById('incident-district').value;
    return incidents.filter(i => (!statusFilter.value || i.status === statusFilter.value)
      && (!words || i.title.toLowerCase().includes(words))
      && (!district || i.communeIds.some(c => App.districts.matches(district, c))));
  }

  function draw() {
    const rows = shown().map(i => el('tr', { 'data-incident': i.id },
      el('td', {}, el('a', { href: '#/incidents/' + i.id, 'data-raw': true, text: i.title })),
      el('td', { class: 'status-' + i.status.toLowerCase(), 'data-i18n': statusKey(i.status), text: t(statusKey(i.status)) }),
      el('td', { 'data-raw': true, text: i.communeIds.join(', ') + districtsOf(i) }),
      el('td', { text: String(i.alerts) }),
      el('td', { 'data-raw': true, text: App.formatTime(i.openedAt) }),
      el('td', { 'data-raw': true, text: i.assignee || '' })));
    body.replaceChildren(...(rows.length ? rows
      : [el('tr', {}, el('td', { colspan: '6', 'data-i18n': 'noIncidents', text: t('noIncidents') }))]));
    exportLink.href = csv(shown());
  }

  /** The districts of its communes, once there are several to tell apart. */
  function districtsOf(incident) {
    if (!App.districts.several()) return '';
    return ' (' + [...new Set(incident.communeIds.map(App.districts.nameOf))].join(', ') + ')';
  }

  function csv(list) {
    return App.csvHref(['id', 'title', 'status', 'communes', 'alerts', 'opened_at', 'opened_by', 'assignee', 'updated_at'],
      list.map(i => [i.id, i.title, i.status, i.communeIds.join(' '), i.alerts, i.openedAt, i.openedBy, i.assignee,
        i.updatedAt]));
  }

  function load() {
    return Promise.all([App.api('/api/incidents?limit=500'), App.districts.load()]).then(([list]) => { incidents = list; draw(); });
  }

  function mediaOf(alert) {
    // snapshots and clips of the alert's event, when the gateway recorded them
    return App.api('/api/events/' + alert.eventId + '/media').then(files => files.map(f => f.kind === 'CLIP'
      ? el('video', { controls: true, preload: 'metadata', src: '/api/media/' + f.id, class: 'evidence' })
      : el('img', { src: '/api/media/' + f.id, alt: alert.cameraName, class: 'evidence', 'data-raw': true })))
      .catch(() => []);
  }

  function showDetail(id) {
    listView.hidden = true;
    detailView.hidden = false;
    App.api('/api/incidents/' + id).then(d => {
      const i = d.incident;
      const actions = desk() && NEXT[i.status].length ? el('div', { class: 'inline-form', id: 'incident-actions' },
        el('span', { 'data-i18n': 'moveTo', text: t('moveTo') }),
        ...NEXT[i.status].map(s => el('button', { type: 'button', class: 'small', 'data-status': s,
          'data-i18n': statusKey(s), text: t(statusKey(s)),
          onclick: () => App.post('/api/incidents/' + id + '/status', { status: s }).then(() => showDetail(id)) }))) : null;
      const note = desk() ? el('form', { class: 'note-form', id: 'incident-note',
        onsubmit: e => {
          e.preventDefault();
          const text = e.target.elements.text.value.trim();
          if (text) App.post('/api/incidents/' + id + '/notes', { text }).then(() => showDetail(id));
        } },
        el('input', { name: 'text', maxlength: '2000', 'data-i18n-label': 'addNote', 'aria-label': t('addNote') }),
        el('button', { type: 'submit', class: 'small', 'data-i18n': 'saveNote', text: t('saveNote') })) : null;
      const gallery = el('div', { class: 'evidence-gallery', id: 'incident-media' });
      // a commune head has no actions and no note form: DOM's replaceChildren would print those nulls as "null"
      detailView.replaceChildren(...[
        el('a', { href: '#/incidents', class: 'back', 'data-i18n': 'backToLog', text: t('backToLog') }),
        el('h3', { id: 'incident-title', 'data-raw': true, text: i.title }),
        el('p', {}, el('span', { class: 'status-' + i.status.toLowerCase(), id: 'incident-status',
          'data-i18n': statusKey(i.status), text: t(statusKey(i.status)) }), ' · ',
          el('span', { 'data-raw': true, text: App.formatTime(i.openedAt) + ' · ' + i.openedBy })),
        actions,
        el('a', { href: '/api/incidents/' + id + '/evidence.zip', id: 'incident-evidence', class: 'button', download: '',
          'data-i18n': 'evidence', text: t('evidence') }),
        el('h4', { 'data-i18n': 'linkedAlerts', text: t('linkedAlerts') }),
        el('ul', { id: 'incident-alerts' }, ...d.alerts.map(a => el('li', { 'data-raw': true,
          text: App.formatTime(a.raisedAt) + ' · ' + t(a.kind) + ' · ' + a.cameraId + ' ' + a.cameraName + ' (' + a.commune + ')' }))),
        App.incidentRecordings.render(id, d),
        el('h4', { 'data-i18n': 'media', text: t('media') }), gallery,
        el('h4', { 'data-i18n': 'timeline', text: t('timeline') }),
        el('ol', { id: 'incident-timeline', class: 'timeline' }, ...d.timeline.map(e => el('li', {},
          el('span', { 'data-raw': true, text: App.formatTime(e.at) + ' ' }),
          el('strong', { 'data-i18n': 'TL_' + e.kind, text: t('TL_' + e.kind) }),
          el('span', { 'data-raw': true, text: (e.username ? ' · ' + e.username : '') + (e.detail ? ' — ' + e.detail : '') })))),
        note].filter(n => n != null));
      Promise.all(d.alerts.map(mediaOf)).then(all => {
        const items = all.flat();
        gallery.replaceChildren(...(items.length ? items : [el('p', { class: 'empty', 'data-i18n': 'noMedia', text: t('noMedia') })]));
      });
    });
  }

  function showList() {
    detailView.hidden = true;
    listView.hidden = false;
    load();
  }

  /** The desk's snapshot slot: the event's snapshot once the gateway has delivered it. */
  App.hooks.snapshotUrl = App.hooks.snapshotUrl || (alert => alert.kind === 'MOTION_START'
    ? '/api/events/' + alert.eventId + '/snapshot' : null);

  /** From the alert desk: an incident from one alert, titled after it, then its page. */
  App.hooks.openIncident = alert => App.post('/api/incidents', {
    title: t(alert.kind) + ' — ' + alert.cameraId + ' ' + alert.cameraName + ' (' + App.formatTime(alert.raisedAt) + ')',
    alertIds: [alert.id]
  }).then(incident => { location.hash = '#/incidents/' + incident.incident.id; });

  App.registerPage({
    id: 'incidents', navKey: 'navIncidents', roles: ['ADMIN', 'OPERATOR', 'COMMUNE_HEAD'],
    messages: { vi: Object.assign({}, messages.vi, App.incidentRecordings.messages.vi),
      en: Object.assign({}, messages.en, App.incidentRecordings.messages.en) },
    render(section) {
      statusFilter = el('select', { id: 'incident-status-filter', 'data-i18n-label': 'incidentStatus',
        'aria-label': t('incidentStatus'), onchange: draw },
        el('option', { value: '', 'data-i18n': 'allIncidents', text: t('allIncidents') }),
        ...STATUSES.map(s => el('option', { value: s, 'data-i18n': statusKey(s), text: t(statusKey(s)) })));
      textFilter = el('input', { id: 'incident-search', type: 'search', 'data-i18n-label': 'searchTitle',
        'aria-label': t('searchTitle'), oninput: draw });
      exportLink = el('a', { id: 'incident-export', class: 'button', download: 'incidents.csv', 'data-i18n': 'exportLog',
        text: t('exportLog') });
      body = el('tbody', { id: 'incident-rows' });
      const headers = ['incidentTitle', 'incidentStatus', 'communes', 'alertsCount', 'openedAt', 'assignee'];
      listView = el('div', { id: 'incident-log' }, el('div', { class: 'inline-form' }, statusFilter, textFilter,
          App.districts.filter('incident-district', draw), exportLink),
        el('div', { class: 'table-wrap' }, el('table', {},
          el('thead', {}, el('tr', {}, ...headers.map(k => el('th', { 'data-i18n': k, text: t(k) })))), body)));
      detailView = el('div', { id: 'incident-detail', hidden: true });
      section.append(listView, detailView);
    },
    show(rest) {
      if (rest) showDetail(rest); else showList();
    },
    onLanguage() {
      if (body) draw();
    }
  });
})();
