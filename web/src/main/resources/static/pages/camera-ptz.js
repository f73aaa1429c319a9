// The camera page's PTZ and imaging parts (#/camera/ID), read from the camera through its commune's
// gateway only when asked, to spare weak links: its presets (go to; save where it points, remove: for
// technicians and admins), a position to go to and small steps, and its imaging settings.
// camera.js places them on its page; loaded before it.
(function () {
  'use strict';
  const t = key => App.t(key);
  const el = (...args) => App.el(...args);
  const STEP = 0.1; // a relative step: a tenth of the generic space, small enough to aim with
  const KEEPERS = ['ADMIN', 'TECHNICIAN'];

  const messages = {
    vi: {
      ptzTitle: 'Quay quét và vị trí đặt sẵn', ptzPresetsRead: 'Đọc vị trí đặt sẵn từ camera',
      ptzReading: 'Đang hỏi camera…', ptzHint: 'Đọc qua cổng thu của xã, chỉ khi bấm nút, để đỡ tốn đường truyền.',
      ptzPresetsNone: 'Camera chưa lưu vị trí nào.', ptzPresetsCount: '{n} vị trí đặt sẵn',
      ptzGo: 'Đến', ptzRemove: 'Xóa', ptzUnnamed: '(không tên)', ptzPresetName: 'Tên vị trí',
      ptzSave: 'Lưu vị trí hiện tại', ptzKeepersOnly: 'Chỉ kỹ thuật viên và quản trị viên được lưu hoặc xóa vị trí.',
      ptzPosition: 'Đến tọa độ', ptzPan: 'Quay ngang (−1…1)', ptzTilt: 'Quay dọc (−1…1)', ptzZoom: 'Phóng (0…1)',
      ptzGoPosition: 'Đến tọa độ này', ptzSteps: 'Nhích từng bước', ptzStepLeft: 'Nhích sang trái',
      ptzStepRight: 'Nhích sang phải', ptzStepUp: 'Nhích lên', ptzStepDown: 'Nhích xuống', ptzStepIn: 'Phóng to một nấc',
      ptzStepOut: 'Thu nhỏ một nấc', ptzDone: 'Camera đã nhận lệnh.', ptzSaved: 'Đã lưu vị trí “{name}”.',
      ptzRemoved: 'Đã xóa vị trí “{name}”.', ptzRefused: 'Camera không thực hiện được.',
      ptzProblem_ACTION_NOT_SUPPORTED: 'Camera không hỗ trợ thao tác này.',
      ptzProblem_INVALID_ARGUMENT: 'Camera không nhận giá trị này (vị trí đặt sẵn không còn, hoặc ngoài phạm vi).',
      ptzProblem_NOT_AUTHORIZED: 'Camera từ chối tài khoản ONVIF đã lưu.',
      ptzProblem_PRESETS_FOR_TECHNICIANS: 'Chỉ kỹ thuật viên và quản trị viên được lưu hoặc xóa vị trí.',
      ptzProblem_GATEWAY_UNAVAILABLE: 'Cổng thu của xã đang mất kết nối với trung tâm.',
      imgTitle: 'Thiết lập hình ảnh', imgRead: 'Đọc từ camera', imgNone: 'Camera không báo thiết lập nào.',
      imgBrightness: 'Độ sáng', imgContrast: 'Độ tương phản', imgSaturation: 'Độ bão hòa màu', imgSharpness: 'Độ nét',
      imgIrCut: 'Bộ lọc hồng ngoại', imgBacklight: 'Bù sáng ngược', imgWdr: 'Dải tương phản rộng (WDR)',
      imgExposure: 'Chế độ phơi sáng', imgWhiteBalance: 'Cân bằng trắng', imgFailed: 'Không đọc được thiết lập hình ảnh.',
      imgMode_ON: 'Bật', imgMode_OFF: 'Tắt', imgMode_AUTO: 'Tự động', imgMode_MANUAL: 'Chỉnh tay',
      imgIr_ON: 'Bật (ban ngày, ảnh màu)', imgIr_OFF: 'Tắt (ban đêm, hồng ngoại)', imgIr_AUTO: 'Tự động theo ánh sáng'
    },
    en: {
      ptzTitle: 'Pan, tilt, zoom and presets', ptzPresetsRead: 'Read the presets from the camera',
      ptzReading: 'Asking the camera…', ptzHint: 'Read through the commune\'s gateway, only on request, to spare the link.',
      ptzPresetsNone: 'The camera has no presets stored.', ptzPresetsCount: '{n} presets',
      ptzGo: 'Go', ptzRemove: 'Remove', ptzUnnamed: '(no name)', ptzPresetName: 'Preset name',
      ptzSave: 'Save the current position', ptzKeepersOnly: 'Only technicians and administrators save or remove presets.',
      ptzPosition: 'Go to a position', ptzPan: 'Pan (−1…1)', ptzTilt: 'Tilt (−1…1)', ptzZoom: 'Zoom (0…1)',
      ptzGoPosition: 'Go to this position', ptzSteps: 'Step by step', ptzStepLeft: 'Step left',
      ptzStepRight: 'Step right', ptzStepUp: 'Step up', ptzStepDown: 'Step down', ptzStepIn: 'Zoom in a step',
      ptzStepOut: 'Zoom out a step', ptzDone: 'The camera took the command.', ptzSaved: 'Preset “{name}” saved.',
      ptzRemoved: 'Preset “{name}” removed.', ptzRefused: 'The camera could not do it.',
      ptzProblem_ACTION_NOT_SUPPORTED: 'The camera does not support this.',
      ptzProblem_INVALID_ARGUMENT: 'The camera refused the value (the preset is gone, or it is out of range).',
      ptzProblem_NOT_AUTHORIZED: 'The camera refused the stored ONVIF account.',
      ptzProblem_PRESETS_FOR_TECHNICIANS: 'Only technicians and administrators save or remove presets.',
      ptzProblem_GATEWAY_UNAVAILABLE: 'The commune\'s gateway is not connected to the centre.',
      imgTitle: 'Imaging settings', imgRead: 'Read from the camera', imgNone: 'The camera reports no settings.',
      imgBrightness: 'Brightness', imgContrast: 'Contrast', imgSaturation: 'Colour saturation', imgSharpness: 'Sharpness',
      imgIrCut: 'IR cut filter', imgBacklight: 'Backlight compensation', imgWdr: 'Wide dynamic range',
      imgExposure: 'Exposure mode', imgWhiteBalance: 'White balance', imgFailed: 'Could not read the imaging settings.',
      imgMode_ON: 'On', imgMode_OFF: 'Off', imgMode_AUTO: 'Automatic', imgMode_MANUAL: 'Manual',
      imgIr_ON: 'On (day, colour)', imgIr_OFF: 'Off (night, infrared)', imgIr_AUTO: 'Automatic by light'
    }
  };
  const fill = (text, values) => text.replace(/\{(\w+)}/g, (m, k) => values[k] == null ? '' : values[k]);
  const path = (id, suffix) => '/api/cameras/' + encodeURIComponent(id) + suffix;

  /** A GET whose refusal keeps the server's problem detail (App.api keeps only the status). */
  function read(url) {
    return fetch(url, { headers: { Accept: 'application/json' } }).then(r => r.ok ? r.json()
      : r.json().catch(() => ({})).then(problem => {
        const error = new Error(problem.detail || url + ': ' + r.status);
        error.problem = problem;
        throw error;
      }));
  }

  /** Our words for a known problem code, then the server's detail; as nodes for a status line. */
  function problem(key, e) {
    const code = e && e.problem && e.problem.problem ? 'ptzProblem_' + e.problem.problem : null;
    const known = code && Object.prototype.hasOwnProperty.call(messages.en, code);
    return [el('strong', { 'data-i18n': known ? code : key, text: t(known ? code : key) }), ' ',
      el('span', { class: 'detail', 'data-raw': true, text: e && e.message ? e.message : String(e) })];
  }

  function say(note, ok, ...nodes) {
    note.className = ok ? 'result ok' : 'result error';
    note.replaceChildren(...nodes);
  }

  const label = (key, input) => el('label', {}, el('span', { 'data-i18n': key, text: t(key) }), input);

  /** The PTZ part for a camera with PTZ: call draw() again when the language changes. */
  function ptzPanel(cameraId) {
    const keeper = KEEPERS.includes((App.me() || {}).role);
    let presets = null;
    const note = el('p', { id: 'camera-ptz-note', class: 'empty', role: 'status', 'data-i18n': 'ptzHint', text: t('ptzHint') });
    const list = el('ul', { id: 'camera-ptz-presets', class: 'camera-page-topics' });
    const readButton = el('button', { id: 'camera-ptz-read', type: 'button', 'data-i18n': 'ptzPresetsRead',
      text: t('ptzPresetsRead'), onclick: () => load() });
    const name = el('input', { id: 'camera-ptz-preset-name', maxlength: 64, required: true });
    const number = (id, min, value) => el('input', { id, type: 'number', min, max: 1, step: 0.05, value, required: true });
    const pan = number('camera-ptz-pan', -1, 0), tilt = number('camera-ptz-tilt', -1, 0), zoom = number('camera-ptz-zoom', 0, 0);

    function send(command, done) {
      return App.post(path(cameraId, '/ptz'), command).then(() => {
        say(note, true, el('span', { 'data-raw': true, text: done }));
      }).catch(e => say(note, false, ...problem('ptzRefused', e)));
    }

    function load(after) {
      note.className = 'empty';
      note.textContent = t('ptzReading');
      return read(path(cameraId, '/presets')).then(found => {
        presets = found;
        if (after) say(note, true, el('span', { 'data-raw': true, text: after }));
        else {
          note.className = 'empty';
          note.textContent = found.length ? fill(t('ptzPresetsCount'), { n: found.length }) : t('ptzPresetsNone');
        }
        drawList();
      }).catch(e => say(note, false, ...problem('ptzRefused', e)));
    }

    function drawList() {
      list.replaceChildren(...(presets || []).map(p => {
        const shown = p.name || t('ptzUnnamed');
        const where = p.pan == null ? '' : ' (' + [p.pan, p.tilt, p.zoom].map(v => v == null ? '—' : v.toFixed(2)).join(', ') + ')';
        return el('li', { 'data-token': p.token },
          el('span', { class: 'preset-name', 'data-raw': true, text: shown + where }), ' ',
          el('button', { type: 'button', class: 'small', 'data-action': 'go', 'data-i18n': 'ptzGo', text: t('ptzGo'),
            onclick: () => send({ action: 'PRESET', preset: p.token }, t('ptzDone')) }), ' ',
          keeper ? el('button', { type: 'button', class: 'small', 'data-action': 'remove', 'data-i18n': 'ptzRemove',
            text: t('ptzRemove'), onclick: () => App.post(path(cameraId, '/ptz'), { action: 'REMOVE_PRESET', preset: p.token })
              .then(() => load(fill(t('ptzRemoved'), { name: shown })))
              .catch(e => say(note, false, ...problem('ptzRefused', e))) }) : null);
      }));
    }

    const saveForm = keeper ? el('form', { id: 'camera-ptz-save-form', class: 'inline-form', onsubmit: e => {
      e.preventDefault();
      const presetName = name.value.trim();
      App.post(path(cameraId, '/ptz'), { action: 'SET_PRESET', presetName })
        .then(() => { name.value = ''; return load(fill(t('ptzSaved'), { name: presetName })); })
        .catch(err => say(note, false, ...problem('ptzRefused', err)));
    } }, label('ptzPresetName', name), el('button', { id: 'camera-ptz-save', type: 'submit', 'data-i18n': 'ptzSave', text: t('ptzSave') }))
      : el('p', { class: 'empty', 'data-i18n': 'ptzKeepersOnly', text: t('ptzKeepersOnly') });
    const positionForm = el('form', { id: 'camera-ptz-position', class: 'inline-form', onsubmit: e => {
      e.preventDefault();
      send({ action: 'ABSOLUTE', pan: +pan.value, tilt: +tilt.value, zoom: +zoom.value }, t('ptzDone'));
    } }, label('ptzPan', pan), label('ptzTilt', tilt), label('ptzZoom', zoom),
    el('button', { id: 'camera-ptz-go', type: 'submit', 'data-i18n': 'ptzGoPosition', text: t('ptzGoPosition') }));
    const step = (key, p, ti, z, symbol) => el('button', { type: 'button', class: 'small ptz', 'data-step': key,
      'data-i18n-label': key, 'aria-label': t(key), 'data-i18n-title': key, title: t(key), text: symbol,
      onclick: () => send({ action: 'RELATIVE', pan: p, tilt: ti, zoom: z }, t('ptzDone')) });
    const steps = el('div', { class: 'inline-form', role: 'group', 'data-i18n-label': 'ptzSteps', 'aria-label': t('ptzSteps') },
      step('ptzStepLeft', -STEP, 0, 0, '◀'), step('ptzStepUp', 0, STEP, 0, '▲'), step('ptzStepDown', 0, -STEP, 0, '▼'),
      step('ptzStepRight', STEP, 0, 0, '▶'), step('ptzStepIn', 0, 0, STEP, '+'), step('ptzStepOut', 0, 0, -STEP, '−'));
    const node = el('div', { id: 'camera-ptz', class: 'camera-details' },
      el('h3', { 'data-i18n': 'ptzTitle', text: t('ptzTitle') }), el('div', { class: 'inline-form' }, readButton), list, saveForm,
      el('h4', { 'data-i18n': 'ptzPosition', text: t('ptzPosition') }), positionForm,
      el('h4', { 'data-i18n': 'ptzSteps', text: t('ptzSteps') }), steps, note);
    return { node, draw: drawList };
  }

  /** The imaging part, for any onboarded camera. */
  function imagingPanel(cameraId) {
    let settings = null;
    const note = el('p', { id: 'camera-imaging-note', class: 'empty', role: 'status', 'data-i18n': 'ptzHint', text: t('ptzHint') });
    const box = el('div', { id: 'camera-imaging' });
    const number = v => v == null ? null : String(Math.round(v * 10) / 10);
    const mode = (prefix, v) => v == null ? null : Object.prototype.hasOwnProperty.call(messages.en, prefix + v)
      ? { key: prefix + v } : v;
    function draw() {
      if (!settings) return;
      const rows = [['imgBrightness', number(settings.brightness), 'brightness'], ['imgContrast', number(settings.contrast), 'contrast'],
        ['imgSaturation', number(settings.colorSaturation), 'saturation'], ['imgSharpness', number(settings.sharpness), 'sharpness'],
        ['imgIrCut', mode('imgIr_', settings.irCutFilter), 'ir-cut'], ['imgBacklight', mode('imgMode_', settings.backlightCompensation), 'backlight'],
        ['imgWdr', mode('imgMode_', settings.wideDynamicRange), 'wdr'], ['imgExposure', mode('imgMode_', settings.exposureMode), 'exposure'],
        ['imgWhiteBalance', mode('imgMode_', settings.whiteBalanceMode), 'white-balance']].filter(r => r[1] != null);
      box.replaceChildren(rows.length ? el('dl', {}, ...rows.flatMap(([key, value, id]) => [
        el('dt', { 'data-i18n': key, text: t(key) }),
        typeof value === 'string' ? el('dd', { id: 'camera-imaging-' + id, 'data-raw': true, text: value })
          : el('dd', { id: 'camera-imaging-' + id, 'data-i18n': value.key, text: t(value.key) })]))
        : el('p', { class: 'empty', 'data-i18n': 'imgNone', text: t('imgNone') }));
    }
    const button = el('button', { id: 'camera-imaging-read', type: 'button', 'data-i18n': 'imgRead', text: t('imgRead'), onclick: () => {
      note.className = 'empty';
      note.textContent = t('ptzReading');
      read(path(cameraId, '/imaging')).then(s => {
        settings = s;
        note.textContent = '';
        draw();
      }).catch(e => say(note, false, ...problem('imgFailed', e)));
    } });
    const node = el('div', { id: 'camera-imaging-part', class: 'camera-details' },
      el('h3', { 'data-i18n': 'imgTitle', text: t('imgTitle') }), el('div', { class: 'inline-form' }, button), note, box);
    return { node, draw };
  }

  App.cameraPtz = { messages, ptzPanel, imagingPanel };
})();
