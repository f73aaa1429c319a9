// The operations page: recent events in the user's communes, then each new one as the server pushes it.
(function () {
  'use strict';
  const TIME_ZONE = 'Asia/Ho_Chi_Minh';
  const MAX_ROWS = 200;
  let lang = localStorage.getItem('lang') || 'vi';
  let connected = false;
  let me = null;
  const t = key => (MESSAGES[lang] && MESSAGES[lang][key]) || key;

  function formatTime(iso) {
    return new Date(iso).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: TIME_ZONE, hour12: false });
  }

  function cell(text, className) {
    const td = document.createElement('td');
    td.textContent = text;
    if (className) td.className = className;
    return td;
  }

  function eventRow(e) {
    const tr = document.createElement('tr');
    tr.dataset.id = e.id;
    tr.dataset.type = e.type;
    tr.className = 'event ' + e.type.toLowerCase();
    tr.append(
      cell(formatTime(e.occurredAt), 'time'),
      cell(e.cameraName + ' (' + e.cameraId + ')', 'camera'),
      cell(e.commune, 'commune'),
      cell(t(e.type) + (e.detail ? ' — ' + e.detail : ''), 'type'),
      cell(e.score == null ? '' : (e.score * 100).toFixed(1) + ' %', 'score'));
    return tr;
  }

  function addEvent(e, prepend) {
    const body = document.querySelector('#events tbody');
    if (body.querySelector('tr[data-id="' + e.id + '"]')) return;
    const row = eventRow(e);
    if (prepend) body.prepend(row); else body.append(row);
    while (body.rows.length > MAX_ROWS) body.deleteRow(body.rows.length - 1);
  }

  function renderCameras(cameras) {
    const body = document.querySelector('#cameras tbody');
    body.replaceChildren(...cameras.map(c => {
      const tr = document.createElement('tr');
      tr.dataset.id = c.id;
      tr.append(cell(c.name + ' (' + c.id + ')'), cell(c.commune),
        cell(t(c.status) + (c.statusReason ? ' — ' + c.statusReason : ''), 'status ' + c.status.toLowerCase()));
      return tr;
    }));
  }

  // The session may have ended (timeout, logout elsewhere, restart): back to the login page.
  function api(path) {
    return fetch(path, { headers: { Accept: 'application/json' } }).then(r => {
      if (r.status === 401) {
        location.assign('/login.html');
        throw new Error('signed out');
      }
      return r.json();
    });
  }

  function loadCameras() {
    return api('/api/cameras').then(renderCameras);
  }

  function showUser() {
    return api('/api/me').then(user => {
      me = user;
      document.getElementById('user').textContent = me.displayName + ' · ' + t(me.role);
      document.getElementById('user').dataset.role = me.role;
    });
  }

  // Commune heads follow their commune's alerts; the desk (operators, technicians, admins) handles them.
  const canHandle = () => me && me.role !== 'COMMUNE_HEAD';

  function post(path, body) {
    return fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': csrfToken() },
      body: body == null ? null : JSON.stringify(body)
    }).then(r => {
      if (r.status === 401) location.assign('/login.html');
      return r.ok ? r.json().then(addAlert) : null;
    });
  }

  function button(key, action) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'small';
    b.textContent = t(key);
    b.addEventListener('click', action);
    return b;
  }

  function alertRow(a) {
    const tr = document.createElement('tr');
    tr.dataset.id = a.id;
    tr.className = 'alert ' + a.state.toLowerCase();
    const actions = cell('', 'actions');
    if (canHandle()) {
      if (a.state === 'OPEN') {
        actions.append(button('acknowledge', () => post('/api/alerts/' + a.id + '/acknowledge')),
          button('falsePositive', () => post('/api/alerts/' + a.id + '/false-positive')));
      }
      actions.append(button('addNote', () => {
        const text = prompt(t('notePrompt'));
        if (text && text.trim()) post('/api/alerts/' + a.id + '/notes', { text: text.trim() });
      }));
    }
    tr.append(cell(formatTime(a.raisedAt), 'time'), cell(a.cameraName + ' (' + a.cameraId + ')', 'camera'),
      cell(a.commune, 'commune'), cell(t(a.kind), 'type'),
      cell(t(a.state) + (a.handledBy ? ' — ' + a.handledBy : '') + (a.notes ? ' · ' + a.notes + ' ✎' : ''), 'state'),
      actions);
    return tr;
  }

  // A raised alert goes on top; a changed one is replaced where it is.
  function addAlert(a) {
    const body = document.querySelector('#alerts tbody');
    const row = alertRow(a);
    const old = body.querySelector('tr[data-id="' + a.id + '"]');
    if (old) old.replaceWith(row); else body.prepend(row);
    while (body.rows.length > MAX_ROWS) body.deleteRow(body.rows.length - 1);
  }

  function loadAlerts() {
    return api('/api/alerts?limit=50').then(alerts => {
      document.querySelector('#alerts tbody').replaceChildren();
      alerts.reverse().forEach(addAlert);
    });
  }

  function applyLanguage() {
    document.documentElement.lang = lang;
    document.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
    document.getElementById('lang').textContent = t('otherLanguage');
    setConnected(connected);
  }

  function setConnected(value) {
    connected = value;
    const badge = document.getElementById('connection');
    badge.textContent = t(value ? 'connected' : 'disconnected');
    badge.className = 'badge ' + (value ? 'online' : 'offline');
  }

  function reloadAll() {
    api('/api/events?limit=50').then(events => {
      document.querySelector('#events tbody').replaceChildren();
      events.forEach(e => addEvent(e, false));
    });
    loadCameras();
    showUser().then(loadAlerts);
  }

  document.getElementById('lang').addEventListener('click', () => {
    lang = lang === 'vi' ? 'en' : 'vi';
    localStorage.setItem('lang', lang);
    applyLanguage();
    reloadAll();
  });

  document.getElementById('logout').addEventListener('submit', () => {
    document.getElementById('csrf').value = csrfToken();
  });

  applyLanguage();
  reloadAll();
  const stream = new EventSource('/api/alerts/stream');
  stream.addEventListener('hello', () => setConnected(true));
  stream.addEventListener('camera-event', msg => {
    const e = JSON.parse(msg.data);
    addEvent(e, true);
    if (e.status) loadCameras();
  });
  stream.addEventListener('alert', msg => addAlert(JSON.parse(msg.data)));
  stream.onerror = () => {
    setConnected(false);
    showUser(); // a 401 there means the session is gone: api() goes to the login page
  };
})();
