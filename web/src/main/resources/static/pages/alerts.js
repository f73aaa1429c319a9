// The alert desk: alerts of the user's communes, newest first; a new one arrives over SSE with a beep.
// Operators, technicians and admins acknowledge, mark false positive and add notes; commune heads watch.
// A gateway's alert (silent, outbox backing up) names the gateway, its communes and since when.
(function () {
  'use strict';
  const MAX_ALERTS = 100;
  const alerts = new Map(); // id → alert as the API gives it
  let list, announcer;

  const messages = {
    vi: {
      navAlerts: 'Bàn cảnh báo', noSnapshot: 'Chưa có ảnh chụp', snapshotOf: 'Ảnh chụp từ',
      openIncident: 'Mở vụ việc', openIncidentUnavailable: 'Chưa có chức năng vụ việc',
      noteLabel: 'Nội dung ghi chú', saveNote: 'Lưu ghi chú', cancel: 'Huỷ', notesCount: 'ghi chú',
      handledBy: 'bởi', newAlert: 'Cảnh báo mới', noAlerts: 'Chưa có cảnh báo nào.', openOnly: 'Chỉ hiện cảnh báo chưa xử lý',
      alertGatewaySlot: 'Gateway của xã', alertLastContact: 'liên lạc cuối {time}', alertNeverHeard: 'chưa từng liên lạc',
      alertWaitingSince: 'sự kiện chờ gửi từ {time}', alertNoCommune: 'không giữ xã nào'
    },
    en: {
      navAlerts: 'Alert desk', noSnapshot: 'No snapshot yet', snapshotOf: 'Snapshot from',
      openIncident: 'Open incident', openIncidentUnavailable: 'Incidents are not available yet',
      noteLabel: 'Note text', saveNote: 'Save note', cancel: 'Cancel', notesCount: 'notes',
      handledBy: 'by', newAlert: 'New alert', noAlerts: 'No alerts yet.', openOnly: 'Show open alerts only',
      alertGatewaySlot: "Commune gateway", alertLastContact: 'last contact {time}', alertNeverHeard: 'never heard from',
      alertWaitingSince: 'events waiting since {time}', alertNoCommune: 'holds no commune'
    }
  };

  const t = key => App.t(key);
  const el = (...args) => App.el(...args);

  const isGateway = a => !!a.gatewayId;

  function snapshot(a) {
    if (isGateway(a)) {
      return el('div', { class: 'snapshot gateway-slot' }, el('span', { 'data-i18n': 'alertGatewaySlot', text: t('alertGatewaySlot') }));
    }
    const url = a.snapshotUrl || (App.hooks.snapshotUrl && App.hooks.snapshotUrl(a));
    const empty = () => el('div', { class: 'snapshot-empty', text: t('noSnapshot') });
    if (!url) return el('div', { class: 'snapshot' }, empty());
    const img = el('img', { src: url, alt: t('snapshotOf') + ' ' + a.cameraName + ', ' + App.formatTime(a.raisedAt), loading: 'lazy' });
    const box = el('div', { class: 'snapshot' }, img);
    // the gateway sends the snapshot once the motion has peaked: try again for a while before giving up
    let tries = 0;
    img.addEventListener('error', () => {
      if (img.isConnected && ++tries <= 24 && a.kind === 'MOTION_START') {
        if (!box.querySelector('.snapshot-empty')) box.append(empty());
        setTimeout(() => { img.src = url + (url.includes('?') ? '&' : '?') + 'try=' + tries; }, 5000);
      } else {
        img.replaceWith(empty());
      }
    });
    img.addEventListener('load', () => box.querySelectorAll('.snapshot-empty').forEach(n => n.remove()));
    return box;
  }

  function act(key, action, extra) {
    return el('button', Object.assign({ type: 'button', class: 'small action-' + key, text: t(key), onclick: action }, extra || {}));
  }

  function handle(a, path, body) {
    return App.post('/api/alerts/' + a.id + path, body).then(updated => show(updated, true))
      .catch(() => announce(t('requestFailed')));
  }

  function noteForm(a, card) {
    const input = el('input', { id: 'note-' + a.id, maxlength: '2000', required: true, autocomplete: 'off' });
    const form = el('form', { class: 'note-form' },
      el('label', { for: 'note-' + a.id, text: t('noteLabel') }), input,
      el('button', { type: 'submit', class: 'small', text: t('saveNote') }),
      act('cancel', () => { form.remove(); card.querySelector('.action-addNote').focus(); }));
    form.addEventListener('submit', e => {
      e.preventDefault();
      if (input.value.trim()) handle(a, '/notes', { text: input.value.trim() });
    });
    form.addEventListener('keydown', e => { if (e.key === 'Escape') form.querySelector('.action-cancel').click(); });
    return form;
  }

  function actions(a, card) {
    const box = el('div', { class: 'actions' });
    if (!App.canHandleAlerts()) return box;
    if (a.state === 'OPEN') {
      box.append(act('acknowledge', () => handle(a, '/acknowledge')), act('falsePositive', () => handle(a, '/false-positive')));
    }
    box.append(act('addNote', () => {
      if (card.querySelector('.note-form')) return;
      const form = noteForm(a, card);
      card.querySelector('.alert-body').append(form);
      form.querySelector('input').focus();
    }));
    // Incidents are police work: technicians handle alerts but open no incidents; a gateway's is not one
    if (App.me().role === 'TECHNICIAN' || isGateway(a)) return box;
    // Present but disabled until an incidents page provides the hook.
    const incident = App.hooks.openIncident;
    box.append(act('openIncident', incident ? () => incident(a) : null, incident ? {} : {
      disabled: true, 'aria-disabled': 'true', title: t('openIncidentUnavailable'), 'data-unavailable': 'true'
    }));
    return box;
  }

  function card(a) {
    const c = el('li', { class: 'alert-card ' + a.state.toLowerCase(), 'data-id': a.id, 'data-event': a.eventId, 'data-gateway': a.gateway, 'data-state': a.state,
      'aria-labelledby': 'alert-' + a.id });
    const state = t(a.state) + (a.handledBy ? ' ' + t('handledBy') + ' ' : '');
    c.append(snapshot(a), el('div', { class: 'alert-body' },
      el('h3', { id: 'alert-' + a.id, tabindex: '-1', text: t(a.kind) }),
      isGateway(a) ? gatewayMeta(a) : el('p', { class: 'meta' },
        el('span', { class: 'camera', 'data-raw': true, text: a.cameraName + ' (' + a.cameraId + ')' }), ' · ',
        el('span', { class: 'commune', 'data-raw': true, text: a.commune }), ' · ',
        App.districts.several() ? [el('span', { class: 'district', 'data-raw': true, text: App.districts.nameOf(a.communeId) }), ' · '] : null,
        el('time', { datetime: a.raisedAt, class: 'time', text: App.formatTime(a.raisedAt) }),
        App.hooks.playbackHref ? [' · ', el('a', { class: 'playback-here', href: App.hooks.playbackHref(a.cameraId, a.raisedAt),
          'data-i18n': 'pbPlaybackHere', text: t('pbPlaybackHere') })] : null),
      el('p', { class: 'state' }, state,
        a.handledBy ? el('span', { 'data-raw': true, text: a.handledBy }) : null,
        a.notes ? ' · ' + a.notes + ' ' + t('notesCount') : null)));
    c.append(actions(a, c));
    return c;
  }

  /** The gateway, the communes it holds, since when (its last contact, or what waits in its outbox), and when raised. */
  function gatewayMeta(a) {
    const communes = a.gatewayCommunes.map(c => c.name).join(', ');
    const sinceKey = a.kind === 'GATEWAY_SILENT' ? (a.since ? 'alertLastContact' : 'alertNeverHeard') : 'alertWaitingSince';
    const since = a.since || a.kind === 'GATEWAY_SILENT'
      ? el('span', { class: 'since', 'data-raw': true, text: t(sinceKey).replace('{time}', App.formatTime(a.since)) }) : null;
    return el('p', { class: 'meta' },
      el('span', { class: 'gateway', 'data-raw': true, text: 'Gateway ' + a.gateway }), ' · ',
      communes ? el('span', { class: 'commune', 'data-raw': true, text: communes })
        : el('span', { class: 'commune', 'data-i18n': 'alertNoCommune', text: t('alertNoCommune') }), ' · ',
      since ? [since, ' · '] : null,
      el('time', { datetime: a.raisedAt, class: 'time', text: App.formatTime(a.raisedAt) }));
  }

  /** Where an alert is, for the spoken announcement. */
  function place(a) {
    return isGateway(a) ? 'Gateway ' + a.gateway + ', ' + a.gatewayCommunes.map(c => c.name).join(', ') : a.cameraName + ', ' + a.commune;
  }

  function sorted() {
    return [...alerts.values()].sort((x, y) => y.raisedAt.localeCompare(x.raisedAt));
  }

  function render() {
    const openOnly = document.getElementById('alerts-open-only').checked;
    const district = document.getElementById('alerts-district').value;
    // a gateway's alert is the district's whose commune it holds; one holding none passes every filter
    const inDistrict = a => isGateway(a) ? !a.gatewayCommunes.length || a.gatewayCommunes.some(c => App.districts.matches(district, c.id))
      : App.districts.matches(district, a.communeId);
    const shown = sorted().filter(a => (!openOnly || a.state === 'OPEN') && inDistrict(a));
    list.replaceChildren(...shown.map(card));
    document.getElementById('alerts-empty').hidden = shown.length > 0;
    App.setCount('alerts', [...alerts.values()].filter(a => a.state === 'OPEN').length);
  }

  // A live region read out once; emptied again so a stale (or other-language) message does not linger.
  let announceTimer;
  function announce(text) {
    announcer.textContent = '';
    clearTimeout(announceTimer);
    setTimeout(() => { announcer.textContent = text; }, 50);
    announceTimer = setTimeout(() => { announcer.textContent = ''; }, 8000);
  }

  /** A raised alert goes on top; a changed one is redrawn where it is, keeping keyboard focus on it. */
  function show(a, fromUser) {
    const isNew = !alerts.has(a.id);
    // the stream echoes our own changes: redrawing an unchanged card would drop a note being typed
    if (!isNew && JSON.stringify(alerts.get(a.id)) === JSON.stringify(a)) return;
    alerts.set(a.id, a);
    while (alerts.size > MAX_ALERTS) alerts.delete(sorted().pop().id);
    const focused = document.activeElement && document.activeElement.closest && document.activeElement.closest('.alert-card');
    const focusOn = focused && focused.dataset.id === a.id;
    render();
    const fresh = list.querySelector('[data-id="' + a.id + '"]');
    if (fresh && (focusOn || fromUser)) {
      const next = fresh.querySelector('.actions button:not([disabled])');
      (next || fresh.querySelector('h3')).focus();
    }
    if (isNew && !fromUser && a.state === 'OPEN') {
      App.sound.beep();
      announce(t('newAlert') + ': ' + t(a.kind) + ', ' + place(a));
    }
  }

  App.registerPage({
    id: 'alerts', navKey: 'navAlerts', messages,
    render(section) {
      announcer = el('div', { class: 'visually-hidden', role: 'status', 'aria-live': 'assertive', id: 'alerts-announcer' });
      const filter = el('label', { class: 'filter' },
        el('input', { type: 'checkbox', id: 'alerts-open-only', onchange: render }), ' ',
        el('span', { 'data-i18n': 'openOnly', text: t('openOnly') }));
      list = el('ol', { class: 'alert-list', id: 'alert-list' });
      section.append(filter, App.districts.filter('alerts-district', render), announcer, el('p', { id: 'alerts-empty', class: 'empty', 'data-i18n': 'noAlerts', text: t('noAlerts') }), list);
      App.on('alert', a => show(a, false));
      Promise.all([App.api('/api/alerts?limit=50'), App.districts.load()]).then(([rows]) => {
        rows.forEach(a => alerts.set(a.id, a));
        render();
      });
    },
    onLanguage() {
      if (announcer) announcer.textContent = '';
      if (list) render();
    }
  });
})();
