// The registry's CSV import: a file of cameras (the export's columns plus each camera's account),
// onboarded one by one on the server as a background job whose progress and per-line outcome are shown.
// registry.js places it on its page; loaded before it.
(function () {
  'use strict';
  // the export's columns, plus the account to onboard each camera with
  const COLUMNS = ['id', 'name', 'commune', 'device_service', 'latitude', 'longitude', 'username', 'password'];
  const t = key => App.t(key);
  const el = (...args) => App.el(...args);

  /** @param page {headers(keys), showProblem(target, error), fill(text, values), reload()} from registry.js */
  App.registryImport = function (page) {
    let job = null, failure = null, timer = null;
    const form = el('form', { id: 'import-form', class: 'inline-form', onsubmit: start },
      el('label', { class: 'field' }, el('span', { 'data-i18n': 'importFile', text: t('importFile') }),
        el('input', { type: 'file', name: 'file', id: 'import-file', accept: '.csv,text/csv', required: true })),
      el('button', { type: 'submit', id: 'import-submit', 'data-i18n': 'importSubmit', text: t('importSubmit') }),
      el('a', { id: 'import-template', class: 'button', download: 'cameras-import.csv', href: App.csvHref(COLUMNS, []),
        'data-i18n': 'importTemplate', text: t('importTemplate') }));
    const progress = el('progress', { id: 'import-progress', value: '0', max: '1', hidden: true });
    const status = el('p', { id: 'import-status', class: 'result', role: 'status' });
    const body = el('tbody', { id: 'import-results' });
    const submit = form.querySelector('button[type=submit]');

    function draw() {
      if (failure) {
        const p = failure.problem || {};
        const key = p.line > 0 ? (p.column ? 'importBadCell' : 'importBadLine') : failure.status === 400 ? 'importBadFile' : 'importFailed';
        status.className = 'result error';
        status.replaceChildren(el('strong', { 'data-raw': true, text: page.fill(t(key), p) }), ' ',
          el('span', { class: 'detail', 'data-raw': true, text: failure.message }));
        body.replaceChildren();
        return;
      }
      if (!job) return;
      progress.hidden = false;
      progress.max = Math.max(job.total, 1);
      progress.value = job.done;
      status.className = 'result' + (job.state === 'DONE' ? ' ok' : '');
      status.replaceChildren(el('span', { 'data-raw': true,
        text: page.fill(t(job.state === 'DONE' ? 'importDone' : 'importRunning'), job) }));
      body.replaceChildren(...job.rows.map(row => {
        const outcome = el('td', { class: row.ok ? 'result ok' : 'result error' });
        if (row.ok) outcome.append(el('span', { 'data-i18n': 'importAdded', text: t('importAdded') }));
        else page.showProblem(outcome, { message: row.message, problem: { problem: row.problem } });
        outcome.className = row.ok ? 'result ok' : 'result error';
        return el('tr', { 'data-line': String(row.line), class: row.ok ? 'ok' : 'refused' },
          el('td', { 'data-raw': true, text: String(row.line) }),
          el('td', { class: 'camera-id', 'data-raw': true, text: row.cameraId || '' }), outcome);
      }));
    }

    function follow(id) {
      clearTimeout(timer);
      App.api('/api/cameras/imports/' + id).then(answer => {
        job = answer;
        draw();
        if (job.state === 'RUNNING') timer = setTimeout(() => follow(id), 500);
        else { submit.disabled = false; page.reload(); }
      });
    }

    function start(event) {
      event.preventDefault();
      const file = form.elements.file.files[0];
      if (!file) return;
      const data = new FormData();
      data.append('file', file);
      submit.disabled = true;
      job = null;
      failure = null;
      body.replaceChildren();
      status.className = 'result';
      status.replaceChildren(el('span', { 'data-i18n': 'importSending', text: t('importSending') }));
      App.post('/api/cameras/import', data)
        .then(answer => { job = answer; draw(); follow(job.id); })
        .catch(e => { failure = e; submit.disabled = false; draw(); });
    }

    return {
      nodes: [el('h3', { 'data-i18n': 'importTitle', text: t('importTitle') }),
        el('p', { 'data-i18n': 'importHint', text: t('importHint') }), form, progress, status,
        el('table', { class: 'found' }, page.headers(['importLine', 'idColumn', 'importOutcome']), body)],
      draw
    };
  };

  App.registryImport.messages = {
    vi: {
      importTitle: 'Thêm camera từ tệp CSV',
      importHint: 'Các cột như tệp xuất, thêm username và password. Mỗi camera được kiểm tra trước khi lưu.',
      importFile: 'Tệp CSV', importSubmit: 'Nhập và kiểm tra', importTemplate: 'Tệp mẫu',
      importSending: 'Đang gửi tệp…', importRunning: 'Đang kiểm tra camera {done}/{total}…',
      importDone: 'Xong: thêm {onboarded} camera, từ chối {refused}.', importLine: 'Dòng', importOutcome: 'Kết quả',
      importAdded: 'Đã thêm', importBadCell: 'Tệp CSV sai ở dòng {line}, cột {column}.',
      importBadLine: 'Tệp CSV sai ở dòng {line}.', importBadFile: 'Tệp không phải bảng camera CSV.',
      importFailed: 'Không nhập được tệp.'
    },
    en: {
      importTitle: 'Onboard cameras from a CSV file',
      importHint: 'Columns as in the export, plus username and password. Each camera is checked before it is stored.',
      importFile: 'CSV file', importSubmit: 'Import and check', importTemplate: 'Template file',
      importSending: 'Sending the file…', importRunning: 'Checking camera {done} of {total}…',
      importDone: 'Done: {onboarded} cameras added, {refused} refused.', importLine: 'Line', importOutcome: 'Outcome',
      importAdded: 'Added', importBadCell: 'The CSV file is wrong at line {line}, column {column}.',
      importBadLine: 'The CSV file is wrong at line {line}.', importBadFile: 'The file is not a camera CSV table.',
      importFailed: 'The file could not be imported.'
    }
  };
})();
