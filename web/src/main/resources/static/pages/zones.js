// Technicians draw a camera's motion zones and masks over its current picture, set its sensitivity
// and when it is armed; the gateway applies them at once. Mouse or keyboard: arrows move the
// crosshair, Enter adds a point, Escape drops the polygon being drawn.
(function () {
  'use strict';
  const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
  const STEP = 0.02;
  let cameras = [];
  let select, picture, overlay, sensitivity, sensitivityValue, armed, from, to, result, modeZone;
  let zones = [], masks = [], drawing = [], cursor = { x: 0.5, y: 0.5 }, saved = null;

  const messages = {
    vi: {
      navZones: 'Vùng phát hiện', zonesCamera: 'Camera', drawZone: 'Vẽ vùng theo dõi', drawMask: 'Vẽ vùng che',
      closePolygon: 'Khép đa giác', clearAll: 'Xoá hết', sensitivityLabel: 'Độ nhạy', armedHours: 'Chỉ báo động từ',
      until: 'đến', saveZones: 'Lưu', zonesSaved: 'Đã lưu: {zones} vùng theo dõi, {masks} vùng che',
      zonesHint: 'Nhấn vào ảnh để thêm điểm (hoặc dùng phím mũi tên rồi Enter). Vùng che: chuyển động ở đó bị bỏ qua.',
      zonesPicture: 'Ảnh hiện tại của camera, vẽ vùng lên trên', pickOnboarded: 'Chọn một camera đã thêm'
    },
    en: {
      navZones: 'Detection zones', zonesCamera: 'Camera', drawZone: 'Draw a watched zone', drawMask: 'Draw a mask',
      closePolygon: 'Close the polygon', clearAll: 'Clear all', sensitivityLabel: 'Sensitivity', armedHours: 'Alert only from',
      until: 'to', saveZones: 'Save', zonesSaved: 'Saved: {zones} watched zones, {masks} masks',
      zonesHint: 'Click the picture to add points (or use the arrow keys, then Enter). Masks: motion there is ignored.',
      zonesPicture: "The camera's current picture, draw zones over it", pickOnboarded: 'Pick an onboarded camera'
    }
  };
  const t = key => App.t(key);
  const el = (...args) => App.el(...args);
  const pts = list => list.map(p => p.x.toFixed(4) + ',' + p.y.toFixed(4)).join(' ');

  function draw() {
    overlay.replaceChildren(
      ...zones.map(z => el('polygon', { class: 'zone', points: pts(z.points) })),
      ...masks.map(m => el('polygon', { class: 'mask', points: pts(m.points) })),
      el('polyline', { class: 'drawing ' + (modeZone.checked ? 'zone' : 'mask'), points: pts(drawing) }),
      ...drawing.map(p => el('circle', { class: 'vertex', cx: p.x, cy: p.y, r: 0.008 })),
      el('circle', { class: 'crosshair', cx: cursor.x, cy: cursor.y, r: 0.012 }));
  }

  /** Inside the picture, to 4 decimals: a tenth of a pixel is plenty. */
  const clamp = v => Math.round(Math.min(1, Math.max(0, v)) * 10000) / 10000;

  function addPoint(p) {
    drawing.push({ x: clamp(p.x), y: clamp(p.y) });
    draw();
  }

  function closePolygon() {
    if (drawing.length >= 3) (modeZone.checked ? zones : masks).push({ points: drawing });
    drawing = [];
    draw();
  }

  function onKey(e) {
    const moves = { ArrowLeft: [-STEP, 0], ArrowRight: [STEP, 0], ArrowUp: [0, -STEP], ArrowDown: [0, STEP] };
    if (moves[e.key]) {
      cursor = { x: clamp(cursor.x + moves[e.key][0]), y: clamp(cursor.y + moves[e.key][1]) };
      draw();
    } else if (e.key === 'Enter' || e.key === ' ') {
      addPoint(cursor);
    } else if (e.key === 'Escape') {
      drawing = [];
      draw();
    } else {
      return;
    }
    e.preventDefault();
  }

  function onClick(e) {
    const box = overlay.getBoundingClientRect();
    cursor = { x: (e.clientX - box.left) / box.width, y: (e.clientY - box.top) / box.height };
    addPoint(cursor);
  }

  function load(cameraId) {
    const camera = cameras.find(c => c.id === cameraId);
    const m = (camera && camera.motion) || { sensitivity: 5, zones: [], masks: [], schedule: { zone: 'Asia/Ho_Chi_Minh', windows: [] } };
    zones = m.zones.slice();
    masks = m.masks.slice();
    drawing = [];
    sensitivity.value = m.sensitivity;
    sensitivityValue.textContent = String(m.sensitivity);
    armed.checked = m.schedule.windows.length > 0;
    if (armed.checked) { from.value = m.schedule.windows[0].from; to.value = m.schedule.windows[0].to; }
    saved = null;
    result.textContent = '';
    draw();
    picture.removeAttribute('src');
    if (camera) App.post('/api/live/tickets', { cameraId, stream: 'sub' }).then(tk => { picture.src = tk.snapshotUrl; }).catch(() => {});
  }

  function save(e) {
    e.preventDefault();
    closePolygon();
    const windows = armed.checked ? DAYS.map(day => ({ day, from: from.value, to: to.value })) : [];
    const body = { sensitivity: Number(sensitivity.value), zones, masks, schedule: { zone: 'Asia/Ho_Chi_Minh', windows } };
    App.put('/api/cameras/' + encodeURIComponent(select.value) + '/motion', body).then(camera => {
      cameras = cameras.map(c => c.id === camera.id ? camera : c);
      result.className = 'result ok';
      saved = { zones: zones.length, masks: masks.length };
      showSaved();
    }).catch(err => { saved = null; result.className = 'result error'; result.textContent = err.message; });
  }

  // kept as numbers, not text, so a language switch can say it again
  function showSaved() {
    result.textContent = t('zonesSaved').replace('{zones}', saved.zones).replace('{masks}', saved.masks);
  }

  App.registerPage({
    id: 'zones', navKey: 'navZones', roles: ['ADMIN', 'TECHNICIAN'], messages,
    render(section) {
      select = el('select', { id: 'zones-camera', 'data-i18n-label': 'zonesCamera', 'aria-label': t('zonesCamera'),
        onchange: () => load(select.value) });
      modeZone = el('input', { type: 'radio', name: 'zone-mode', id: 'zones-mode-zone', checked: true, onchange: draw });
      const modeMask = el('input', { type: 'radio', name: 'zone-mode', id: 'zones-mode-mask', onchange: draw });
      picture = el('img', { id: 'zones-picture', alt: '', 'data-i18n-title': 'zonesPicture' });
      overlay = el('svg', { id: 'zones-overlay', viewBox: '0 0 1 1', preserveAspectRatio: 'none', tabindex: '0',
        role: 'application', 'data-i18n-label': 'zonesPicture', 'aria-label': t('zonesPicture'),
        onclick: onClick, onkeydown: onKey });
      sensitivity = el('input', { type: 'range', id: 'zones-sensitivity', min: '1', max: '10', step: '1',
        oninput: () => { sensitivityValue.textContent = sensitivity.value; } });
      sensitivityValue = el('output', { for: 'zones-sensitivity' });
      armed = el('input', { type: 'checkbox', id: 'zones-armed' });
      from = el('input', { type: 'time', id: 'zones-from', value: '18:00' });
      to = el('input', { type: 'time', id: 'zones-to', value: '06:00' });
      result = el('p', { id: 'zones-result', class: 'result', role: 'status' });
      section.append(
        el('p', { 'data-i18n': 'zonesHint', text: t('zonesHint') }),
        el('form', { id: 'zones-form', class: 'inline-form', onsubmit: save },
          select,
          el('label', {}, modeZone, ' ', el('span', { 'data-i18n': 'drawZone', text: t('drawZone') })),
          el('label', {}, modeMask, ' ', el('span', { 'data-i18n': 'drawMask', text: t('drawMask') })),
          el('button', { type: 'button', id: 'zones-close', class: 'small', onclick: closePolygon, 'data-i18n': 'closePolygon',
            text: t('closePolygon') }),
          el('button', { type: 'button', class: 'small', onclick: () => { zones = []; masks = []; drawing = []; draw(); },
            'data-i18n': 'clearAll', text: t('clearAll') }),
          el('label', { class: 'field' }, el('span', { 'data-i18n': 'sensitivityLabel', text: t('sensitivityLabel') }),
            el('span', {}, sensitivity, ' ', sensitivityValue)),
          el('label', {}, armed, ' ', el('span', { 'data-i18n': 'armedHours', text: t('armedHours') })), from,
          el('span', { 'data-i18n': 'until', text: t('until') }), to,
          el('button', { type: 'submit', id: 'zones-save', 'data-i18n': 'saveZones', text: t('saveZones') })),
        result,
        el('div', { class: 'zones-canvas' }, picture, overlay));
    },
    onLanguage() {
      if (saved) showSaved();
    },
    show() {
      App.api('/api/cameras').then(list => {
        cameras = list.filter(c => c.registration);
        const keep = select.value;
        select.replaceChildren(...(cameras.length ? cameras.map(c => el('option', { value: c.id, 'data-raw': true, text: c.id + ' · ' + c.name }))
          : [el('option', { value: '', 'data-i18n': 'pickOnboarded', text: t('pickOnboarded') })]));
        if (keep && cameras.some(c => c.id === keep)) select.value = keep;
        if (select.value) load(select.value);
      });
    }
  });
})();
