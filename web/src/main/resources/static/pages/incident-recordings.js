// An incident's recording exports: a time range of its cameras, asked of their commune gateways, each
// followed until its MP4 has arrived (then it is in the evidence ZIP with its SHA-256). The desk and the
// commune's head (their commune's cameras only: the server decides) may ask.
(function () {
  'use strict';
  const FOLLOW_EVERY_MS = 2000;
  const AROUND_MS = 2 * 60000; // the range first offered: two minutes either side of the first alert
  let following = null;

  const messages = {
    vi: {
      recExports: 'Bản ghi xuất vào hồ sơ', recCameras: 'Camera', recFrom: 'Từ', recTo: 'Đến', recDay: 'Ngày',
      recExport: 'Xuất đoạn ghi hình', recNone: 'Chưa xuất đoạn ghi hình nào.', recAskFailed: 'Không yêu cầu được: ',
      rec_ASKED: 'Đã yêu cầu', rec_UPLOADING: 'Đang tải lên', rec_ARRIVED: 'Đã nhận', rec_FAILED: 'Không xuất được'
    },
    en: {
      recExports: 'Recordings exported into the evidence', recCameras: 'Cameras', recFrom: 'From', recTo: 'To', recDay: 'Day',
      recExport: 'Export the recording', recNone: 'No recording exported yet.', recAskFailed: 'Could not ask: ',
      rec_ASKED: 'Asked', rec_UPLOADING: 'Uploading', rec_ARRIVED: 'Arrived', rec_FAILED: 'Failed'
    }
  };
  const t = key => App.t(key);
  const el = (...args) => App.el(...args);
  const time = () => App.hooks.districtTime;

  function rowsOf(list) {
    return list.map(x => el('tr', { 'data-export': x.id, 'data-state': x.state },
      el('td', { 'data-raw': true, text: x.cameraId }),
      el('td', { 'data-raw': true, text: App.formatTime(x.from) + ' – ' + App.formatTime(x.to) }),
      el('td', { class: 'rec-state', 'data-i18n': 'rec_' + x.state, text: t('rec_' + x.state) }),
      el('td', { 'data-raw': true, text: x.state === 'UPLOADING' || x.state === 'ARRIVED' ? Math.round(x.receivedBytes / 1024) + ' KiB' : '' }),
      el('td', { class: 'rec-detail', 'data-raw': true, text: x.sha256 || x.problem || '' })));
  }

  /** The export form and progress table for the incident page; followed while something is on its way. */
  function render(incidentId, detail) {
    clearTimeout(following);
    const body = el('tbody', { id: 'incident-recordings' });
    const refresh = () => App.api('/api/incidents/' + incidentId + '/recordings').then(list => {
      body.replaceChildren(...(list.length ? rowsOf(list)
        : [el('tr', {}, el('td', { colspan: '5', 'data-i18n': 'recNone', text: t('recNone') }))]));
      clearTimeout(following);
      if (list.some(x => x.state === 'ASKED' || x.state === 'UPLOADING') && document.body.contains(body)) {
        following = setTimeout(refresh, FOLLOW_EVERY_MS);
      }
    });
    const cameras = [...new Set(detail.alerts.map(a => a.cameraId))];
    const first = detail.alerts.length ? Date.parse(detail.alerts[0].raisedAt) : Date.now();
    const day = el('input', { type: 'date', name: 'day', value: time().dayOf(first - AROUND_MS), 'data-i18n-label': 'recDay', 'aria-label': t('recDay') });
    const from = el('input', { type: 'time', step: '1', name: 'from', value: time().localTime(first - AROUND_MS),
      'data-i18n-label': 'recFrom', 'aria-label': t('recFrom') });
    const to = el('input', { type: 'time', step: '1', name: 'to', value: time().localTime(first + AROUND_MS),
      'data-i18n-label': 'recTo', 'aria-label': t('recTo') });
    const problem = el('span', { class: 'problem', role: 'status', 'data-raw': true });
    const form = el('form', { class: 'inline-form', id: 'incident-recording-form', onsubmit: e => {
      e.preventDefault();
      const start = time().at(day.value, from.value);
      let end = time().at(day.value, to.value);
      if (end <= start) end += 86400000; // a range over midnight
      const cameraIds = [...form.querySelectorAll('input[name=camera]:checked')].map(i => i.value);
      problem.textContent = '';
      App.post('/api/incidents/' + incidentId + '/recordings', { cameraIds, from: new Date(start).toISOString(), to: new Date(end).toISOString() })
        .then(refresh)
        .catch(err => { problem.textContent = t('recAskFailed') + ((err.problem && err.problem.detail) || err.message); });
    } },
      el('fieldset', { class: 'pb-cameras' }, el('legend', { 'data-i18n': 'recCameras', text: t('recCameras') }),
        ...cameras.map(c => el('label', { class: 'filter' }, el('input', { type: 'checkbox', name: 'camera', value: c, checked: true }),
          el('span', { 'data-raw': true, text: c })))),
      day, from, to, el('button', { type: 'submit', class: 'small', id: 'incident-recording-export', 'data-i18n': 'recExport', text: t('recExport') }),
      problem);
    refresh();
    return el('div', { id: 'incident-recording-exports' },
      el('h4', { 'data-i18n': 'recExports', text: t('recExports') }),
      detail.incident.status === 'CLOSED' ? null : form,
      el('div', { class: 'table-wrap' }, el('table', {}, body)));
  }

  /** The incidents page shows it in an incident's detail and takes its messages. */
  App.incidentRecordings = { render, messages };
})();
