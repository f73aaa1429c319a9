// Technicians: find cameras on a commune network (a unicast sweep at the commune's gateway, with
// progress), onboard them with their account, and keep the registry: each camera with the gateway holding
// it and that gateway's link, filter by commune and status, export it as CSV, edit a camera, try or
// replace its account, and onboard a whole CSV file (checked camera by camera, with progress).
(function () {
  'use strict';
  const STATUSES = ['ONLINE', 'DEGRADED', 'UNAUTHORIZED', 'OFFLINE', 'UNKNOWN'];
  const GATEWAYS_EVERY_MS = 10000;
  let cameras = [];
  let gateways = new Map(); // name → the status route's gateway
  let form, formResult, registryBody, communeFilter, statusFilter, exportLink, refreshTimer, gatewayTimer, csvImport,
    account, sweep;
  let editing = null, editRow = null;

  const messages = {
    vi: {
      navRegistry: 'Danh sách camera', address: 'Địa chỉ', cameraName: 'Tên', gatewayColumn: 'Gateway của xã',
      model: 'Hãng, kiểu', location: 'Vị trí', registeredAs: 'Đã đăng ký', idColumn: 'Mã', onboardThis: 'Thêm camera này',
      onboard: 'Thêm camera', onboardHint: 'Địa chỉ ONVIF và tài khoản của camera. Mật khẩu được mã hoá khi lưu.',
      cameraId: 'Mã camera (để trống: tự đặt)',
      latitude: 'Vĩ độ', longitude: 'Kinh độ', onboardSubmit: 'Kiểm tra và thêm', onboarding: 'Đang kiểm tra camera…',
      onboarded: 'Đã thêm {id}: {model}, luồng phụ {stream}', registry: 'Sổ đăng ký camera', allCommunes: 'Tất cả các xã',
      allStatuses: 'Mọi trạng thái', firmware: 'Firmware', serial: 'Số sê-ri', access: 'Kết nối',
      onvif: 'ONVIF', streamOnly: 'Chỉ luồng RTSP', notOnboarded: 'Chưa thêm', exportCsv: 'Xuất CSV',
      problem_BAD_CREDENTIALS: 'Camera từ chối tên đăng nhập hoặc mật khẩu. Hãy nhập lại tài khoản ONVIF của camera.',
      problem_UNREACHABLE: 'Không có gì trả lời ở địa chỉ này. Kiểm tra nguồn điện, dây mạng, địa chỉ và cổng.',
      problem_TIMEOUT: 'Camera không trả lời kịp. Kiểm tra đường truyền tới xã rồi thử lại.',
      problem_NOT_ONVIF: 'Thiết bị ở địa chỉ này không phải camera ONVIF. Kiểm tra cổng ONVIF và bật ONVIF trong camera.',
      problem_NO_VIDEO: 'Camera không có cấu hình video nào để phát.',
      problem_STREAM_UNUSABLE: 'Không mở được luồng phụ của camera. Kiểm tra cổng RTSP và chuẩn nén (H.264/H.265).',
      problem_CAMERA_ERROR: 'Camera báo lỗi. Kiểm tra firmware hoặc khởi động lại camera.',
      problem_INVALID: 'Dòng này thiếu hoặc sai thông tin.', problem_ERROR: 'Máy chủ gặp lỗi khi thêm camera này.',
      actionsColumn: 'Thao tác', editCamera: 'Sửa', editTitle: 'Sửa camera {id}',
      editEnabled: 'Đang dùng (bỏ chọn: gateway ngừng lấy hình)', editSave: 'Lưu', editClose: 'Đóng',
      editSaved: 'Đã lưu camera {id}.', cameraDisabled: '(đã tắt)'
    },
    en: {
      navRegistry: 'Camera registry', address: 'Address', cameraName: 'Name', gatewayColumn: "Commune's gateway",
      model: 'Make, model', location: 'Location', registeredAs: 'Registered', idColumn: 'Id', onboardThis: 'Onboard this camera',
      onboard: 'Onboard a camera', onboardHint: "The camera's ONVIF address and account. The password is stored encrypted.",
      cameraId: 'Camera id (blank: chosen for you)',
      latitude: 'Latitude', longitude: 'Longitude', onboardSubmit: 'Check and onboard', onboarding: 'Checking the camera…',
      onboarded: 'Onboarded {id}: {model}, substream {stream}', registry: 'Camera registry', allCommunes: 'All communes',
      allStatuses: 'Any status', firmware: 'Firmware', serial: 'Serial number', access: 'Access',
      onvif: 'ONVIF', streamOnly: 'RTSP stream only', notOnboarded: 'Not onboarded', exportCsv: 'Export CSV',
      problem_BAD_CREDENTIALS: "The camera refused the user name or password. Enter the camera's ONVIF account again.",
      problem_UNREACHABLE: 'Nothing answers at this address. Check power, cabling, the address and the port.',
      problem_TIMEOUT: 'The camera did not answer in time. Check the link to the commune and try again.',
      problem_NOT_ONVIF: "The device at this address is not an ONVIF camera. Check the ONVIF port and that ONVIF is on.",
      problem_NO_VIDEO: 'The camera has no video profile to stream.',
      problem_STREAM_UNUSABLE: "The camera's substream does not open. Check the RTSP port and the codec (H.264/H.265).",
      problem_CAMERA_ERROR: "The camera answered with an error. Check its firmware or restart it.",
      problem_INVALID: 'This row has missing or wrong values.', problem_ERROR: 'The server failed while adding this camera.',
      actionsColumn: 'Actions', editCamera: 'Edit', editTitle: 'Edit camera {id}',
      editEnabled: 'In use (untick: the gateway stops pulling it)', editSave: 'Save', editClose: 'Close',
      editSaved: 'Camera {id} saved.', cameraDisabled: '(switched off)'
    }
  };
  const t = key => App.t(key);
  const el = (...args) => App.el(...args);
  const fill = (text, values) => text.replace(/\{(\w+)}/g, (m, k) => values[k] == null ? '' : values[k]);

  function field(name, key, attrs) {
    return el('label', { class: 'field' }, el('span', { 'data-i18n': key, text: t(key) }),
      el('input', Object.assign({ name, id: 'onboard-' + name }, attrs || {})));
  }

  /** The registry's communes and those the gateways hold (a site's commune may have no camera yet). */
  function communes() {
    const seen = new Map();
    cameras.forEach(c => seen.set(c.communeId, c.commune));
    gateways.forEach(g => g.communes.forEach(c => { if (!seen.has(c.id)) seen.set(c.id, c.name); }));
    return [...seen.entries()].sort((a, b) => a[1].localeCompare(b[1], 'vi'));
  }

  function fillCommuneSelects() {
    const options = communes().map(([id, name]) => el('option', { value: id, 'data-raw': true, text: name }));
    const keep = communeFilter.value;
    communeFilter.replaceChildren(el('option', { value: '', 'data-i18n': 'allCommunes', text: t('allCommunes') }),
      ...options.map(o => o.cloneNode(true)));
    communeFilter.value = keep;
    const select = form.elements.communeId;
    const chosen = select.value;
    select.replaceChildren(el('option', { value: '' }), ...options);
    select.value = chosen;
    sweep.setCommunes(communes());
  }

  /** The gateway holding the camera's commune and how its link stands; the shared one for a commune none holds. */
  function gatewayCell(camera) {
    if (!camera.gateway) {
      return el('td', { class: 'gateway-cell' }, el('span', { 'data-i18n': 'gatewayShared', text: t('gatewayShared'),
        'data-i18n-title': 'gatewaySharedHint', title: t('gatewaySharedHint') }));
    }
    const g = gateways.get(camera.gateway);
    return el('td', { class: 'gateway-cell', 'data-gateway': camera.gateway },
      el('span', { class: 'gateway-name', 'data-raw': true, text: camera.gateway }), g ? App.gatewayState.badge(g) : null);
  }

  function shown() {
    return cameras.filter(c => (!communeFilter.value || c.communeId === communeFilter.value)
      && (!statusFilter.value || c.status === statusFilter.value));
  }

  function drawRegistry() {
    const rows = shown().map(c => {
      const r = c.registration;
      return el('tr', { 'data-camera': c.id, class: c.enabled === false ? 'disabled' : null },
        el('td', { class: 'camera-id' }, App.cameraLink(c.id)),
        el('td', {}, el('span', { 'data-raw': true, text: c.name }), c.enabled === false
          ? [' ', el('span', { class: 'empty', 'data-i18n': 'cameraDisabled', text: t('cameraDisabled') })] : null),
        el('td', { 'data-raw': true, text: c.commune }), gatewayCell(c),
        el('td', { class: 'status-' + c.status.toLowerCase(), 'data-i18n': c.status, text: t(c.status) }),
        el('td', { 'data-raw': true, text: r ? [r.manufacturer, r.model].filter(Boolean).join(' ') : '' }),
        el('td', { 'data-raw': true, text: r ? r.firmware || '' : '' }),
        el('td', { 'data-raw': true, text: r ? r.serialNumber || '' : '' }),
        r ? el('td', { 'data-i18n': r.deviceService ? 'onvif' : 'streamOnly', text: t(r.deviceService ? 'onvif' : 'streamOnly') })
          : el('td', { 'data-i18n': 'notOnboarded', text: t('notOnboarded') }),
        el('td', {}, el('button', { type: 'button', class: 'small action-edit', 'data-i18n': 'editCamera',
          text: t('editCamera'), onclick: () => openEditor(c) })));
    });
    // an open editor stays open (and keeps what was typed) when the list is read again
    const at = rows.findIndex(row => row.dataset.camera === editing);
    if (at >= 0) rows.splice(at + 1, 0, editRow);
    // and a keyboard user keeps their place: the list is read again after a save and on status changes
    const focused = registryBody.contains(document.activeElement) ? document.activeElement : null;
    const focusedRow = focused && focused.closest('tr[data-camera]');
    registryBody.replaceChildren(...(rows.length ? rows
      : [el('tr', {}, el('td', { colspan: '10', 'data-i18n': 'none', text: t('none') }))]));
    if (focused && editRow && editRow.contains(focused)) focused.focus();
    else if (focusedRow) {
      const again = registryBody.querySelector(`tr[data-camera="${CSS.escape(focusedRow.dataset.camera)}"] .action-edit`);
      if (again) again.focus();
    }
    exportLink.href = csv(shown());
  }

  /** Our own words for a known problem code, then the server's detail (an address, a field, a line). */
  function showProblem(target, e) {
    const code = e.problem && e.problem.problem ? 'problem_' + e.problem.problem : null;
    const known = code && Object.prototype.hasOwnProperty.call(MESSAGES[App.lang()], code);
    target.className = 'result error';
    target.replaceChildren(...(known ? [el('strong', { 'data-i18n': code, text: t(code) }), ' '] : []),
      el('span', { class: 'detail', 'data-raw': true, text: e.message }));
  }

  function showOk(target, key, values) {
    target.className = 'result ok';
    target.replaceChildren(filled(key, values));
  }

  /** Our words around server data: raw for the language check, so refill() redraws them on a language switch. */
  function filled(key, values) {
    return el('span', { 'data-raw': true, 'data-fill': key, 'data-values': JSON.stringify(values || {}),
      text: fill(t(key), values || {}) });
  }

  function refill() {
    document.querySelectorAll('#page-registry [data-fill]').forEach(span => {
      span.textContent = fill(t(span.dataset.fill), JSON.parse(span.dataset.values));
    });
  }

  /** A heading or a row of buttons across the whole form grid (through the CSSOM: the CSP allows no style attributes). */
  function wide(node) {
    node.style.gridColumn = '1 / -1';
    node.style.margin = '0';
    return node;
  }

  function editField(form, name, key, attrs) {
    return el('label', { class: 'field' }, el('span', { 'data-i18n': key, text: t(key) }),
      el('input', Object.assign({ name, id: form + '-' + name, autocomplete: 'off' }, attrs || {})));
  }

  function openEditor(camera) {
    editing = camera.id;
    editRow = el('tr', { class: 'edit-row', 'data-editing': camera.id },
      el('td', { colspan: '10' }, editForm(camera), account.form(camera)));
    drawRegistry();
    editRow.querySelector('#edit-name').focus();
  }

  function closeEditor() {
    const id = editing;
    editing = null;
    editRow = null;
    drawRegistry();
    const button = registryBody.querySelector(`tr[data-camera="${CSS.escape(id)}"] .action-edit`);
    if (button) button.focus();
  }

  function editForm(c) {
    const commune = el('select', { name: 'communeId', id: 'edit-communeId' },
      ...communes().map(([id, name]) => el('option', { value: id, 'data-raw': true, text: name })));
    commune.value = c.communeId;
    const result = el('p', { id: 'edit-result', class: 'result', role: 'status' });
    const f = el('form', { id: 'camera-edit-form', class: 'onboard-form', onsubmit: e => saveEdit(e, c.id, f, result),
      onkeydown: e => { if (e.key === 'Escape') closeEditor(); } },
      wide(el('h4', {}, filled('editTitle', { id: c.id }))),
      editField('edit', 'name', 'cameraName', { required: true, maxlength: '200', value: c.name }),
      el('label', { class: 'field' }, el('span', { 'data-i18n': 'commune', text: t('commune') }), commune),
      editField('edit', 'location', 'location', { maxlength: '300', value: c.location || '' }),
      editField('edit', 'latitude', 'latitude', { type: 'number', step: 'any', min: '-90', max: '90',
        value: c.latitude == null ? '' : c.latitude }),
      editField('edit', 'longitude', 'longitude', { type: 'number', step: 'any', min: '-180', max: '180',
        value: c.longitude == null ? '' : c.longitude }),
      el('label', { class: 'field' }, el('span', { 'data-i18n': 'editEnabled', text: t('editEnabled') }),
        el('input', { type: 'checkbox', name: 'enabled', id: 'edit-enabled', checked: c.enabled !== false })),
      wide(el('div', { class: 'inline-form' },
        el('button', { type: 'submit', id: 'edit-save', 'data-i18n': 'editSave', text: t('editSave') }),
        el('button', { type: 'button', id: 'edit-close', 'data-i18n': 'editClose', text: t('editClose'), onclick: closeEditor }))),
      wide(result));
    return f;
  }

  function saveEdit(event, id, f, result) {
    event.preventDefault();
    const v = f.elements;
    const number = x => x === '' ? null : Number(x);
    const body = { name: v.name.value, communeId: v.communeId.value, location: v.location.value,
      latitude: number(v.latitude.value), longitude: number(v.longitude.value), enabled: v.enabled.checked };
    result.className = 'result';
    result.textContent = '';
    App.put('/api/cameras/' + encodeURIComponent(id), body)
      .then(camera => { showOk(result, 'editSaved', { id: camera.id }); return load(); })
      .catch(e => showProblem(result, e));
  }

  function csv(list) {
    return App.csvHref(['id', 'name', 'commune', 'status', 'manufacturer', 'model', 'firmware', 'serial',
      'device_service', 'sub_stream', 'latitude', 'longitude'], list.map(c => {
      const r = c.registration || {};
      return [c.id, c.name, c.commune, c.status, r.manufacturer, r.model, r.firmware, r.serialNumber, r.deviceService,
        r.subStream, c.latitude, c.longitude];
    }));
  }

  function load() {
    return Promise.all([App.api('/api/cameras'), App.gatewayState.load()]).then(([list, byName]) => {
      cameras = list;
      gateways = byName;
      fillCommuneSelects();
      drawRegistry();
    });
  }

  /** What the list shows of the gateways, to tell whether it must be redrawn. */
  function badges(byName) {
    return [...byName.values()].map(g => g.name + ':' + g.state + (g.state === 'SILENT' ? g.lastContact : '')).sort().join(' ');
  }

  /** Links come and go without a camera event: the gateways' state is read again every few seconds. */
  function followGateways() {
    clearTimeout(gatewayTimer);
    gatewayTimer = setTimeout(() => App.gatewayState.load().then(byName => {
      // redrawn only when a badge would change: the list is worked in (an open editor, the focus)
      const before = badges(gateways);
      gateways = byName;
      if (registryBody && badges(byName) !== before) drawRegistry();
    }).finally(() => { if (gatewayTimer) followGateways(); }), GATEWAYS_EVERY_MS);
  }

  /** A found device into the onboarding form, in the commune whose network was swept. */
  function prefill(device, communeId) {
    form.elements.address.value = device.deviceService;
    form.elements.name.value = device.name || '';
    if (communeId) form.elements.communeId.value = communeId;
    form.elements.username.focus();
  }

  function onboard(event) {
    event.preventDefault();
    const f = form.elements;
    const number = v => v === '' ? null : Number(v);
    const body = { address: f.address.value, username: f.username.value, password: f.password.value,
      communeId: f.communeId.value, cameraId: f.cameraId.value, name: f.name.value,
      latitude: number(f.latitude.value), longitude: number(f.longitude.value) };
    formResult.className = 'result';
    formResult.replaceChildren(el('span', { 'data-i18n': 'onboarding', text: t('onboarding') }));
    form.querySelector('button[type=submit]').disabled = true;
    App.post('/api/cameras/onboard', body).then(camera => {
      const r = camera.registration;
      formResult.className = 'result ok';
      formResult.replaceChildren(filled('onboarded', { id: camera.id, model: r.manufacturer + ' ' + r.model, stream: r.subStream }));
      f.password.value = '';
      return load();
    }).catch(e => showProblem(formResult, e)).finally(() => { form.querySelector('button[type=submit]').disabled = false; });
  }

  App.registerPage({
    id: 'registry', navKey: 'navRegistry', roles: ['ADMIN', 'TECHNICIAN'],
    messages: { vi: Object.assign({}, messages.vi, App.registrySweep.messages.vi, App.registryImport.messages.vi,
      App.registryAccount.messages.vi),
    en: Object.assign({}, messages.en, App.registrySweep.messages.en, App.registryImport.messages.en,
      App.registryAccount.messages.en) },
    render(section) {
      const headers = keys => el('thead', {}, el('tr', {}, ...keys.map(k => el('th', { 'data-i18n': k, text: t(k) }))));

      form = el('form', { id: 'onboard-form', class: 'onboard-form', onsubmit: onboard },
        el('p', { 'data-i18n': 'onboardHint', text: t('onboardHint') }),
        field('address', 'address', { required: true, autocomplete: 'off' }),
        field('username', 'username', { autocomplete: 'off' }),
        field('password', 'password', { type: 'password', autocomplete: 'new-password' }),
        el('label', { class: 'field' }, el('span', { 'data-i18n': 'commune', text: t('commune') }),
          el('select', { name: 'communeId', id: 'onboard-communeId' })),
        field('cameraId', 'cameraId', { autocomplete: 'off' }),
        field('name', 'cameraName', { autocomplete: 'off' }),
        field('latitude', 'latitude', { type: 'number', step: 'any', min: '-90', max: '90' }),
        field('longitude', 'longitude', { type: 'number', step: 'any', min: '-180', max: '180' }),
        el('button', { type: 'submit', 'data-i18n': 'onboardSubmit', text: t('onboardSubmit') }));
      formResult = el('p', { id: 'onboard-result', class: 'result', role: 'status' });

      communeFilter = el('select', { id: 'registry-commune', 'data-i18n-label': 'commune', 'aria-label': t('commune'),
        onchange: drawRegistry });
      statusFilter = el('select', { id: 'registry-status', 'data-i18n-label': 'status', 'aria-label': t('status'),
        onchange: drawRegistry },
        el('option', { value: '', 'data-i18n': 'allStatuses', text: t('allStatuses') }),
        ...STATUSES.map(s => el('option', { value: s, 'data-i18n': s, text: t(s) })));
      exportLink = el('a', { id: 'registry-export', class: 'button', download: 'cameras.csv', 'data-i18n': 'exportCsv',
        text: t('exportCsv') });
      registryBody = el('tbody', { id: 'registry-cameras' });

      sweep = App.registrySweep({ headers, showProblem, filled, prefill });
      csvImport = App.registryImport({ headers, showProblem, fill, reload: load });
      account = App.registryAccount({ wide, editField, showOk, showProblem, reload: load });
      section.append(
        ...sweep.nodes,
        el('h3', { 'data-i18n': 'onboard', text: t('onboard') }), form, formResult,
        el('h3', { 'data-i18n': 'registry', text: t('registry') }),
        el('div', { class: 'inline-form' }, communeFilter, statusFilter, exportLink),
        el('div', { class: 'table-wrap' }, el('table', { class: 'registry' },
          headers(['idColumn', 'cameraName', 'commune', 'gatewayColumn', 'status', 'model', 'firmware', 'serial', 'access',
            'actionsColumn']),
          registryBody)),
        ...csvImport.nodes);
      // a status change arrives as an event; read the registry again, at most once a second
      App.on('camera-event', e => {
        if (!e.status || refreshTimer) return;
        refreshTimer = setTimeout(() => { refreshTimer = null; load(); }, 1000);
      });
      load();
    },
    show() {
      load();
      followGateways();
    },
    hide() {
      clearTimeout(gatewayTimer);
      gatewayTimer = null;
    },
    onLanguage() {
      if (registryBody) drawRegistry();
      if (csvImport) csvImport.draw();
      refill();
    }
  });
})();
