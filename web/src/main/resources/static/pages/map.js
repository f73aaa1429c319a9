// The district map: camera positions from /api/cameras drawn as SVG, coloured by status and grouped by
// commune. No tiles and no request beyond our own API, so it works on a link with no internet at all.
(function () {
  'use strict';
  const W = 1000, H = 640, PAD = 90;
  const STATUSES = ['ONLINE', 'DEGRADED', 'UNAUTHORIZED', 'OFFLINE', 'UNKNOWN'];
  const COMMUNE_TINTS = ['#2f6db5', '#2e8b57', '#b5562f', '#7b4bb0', '#a0872a', '#2b8a96'];
  let cameras = [];
  let selected = null;
  let svg, details, list, refreshTimer;

  const messages = {
    vi: {
      navMap: 'Bản đồ camera', mapLabel: 'Bản đồ vị trí camera, tô màu theo trạng thái', legend: 'Chú giải',
      cameraDetails: 'Chi tiết camera', pickCamera: 'Chọn một camera trên bản đồ hoặc trong danh sách.',
      statusSince: 'Từ lúc', position: 'Toạ độ', noPosition: 'chưa có toạ độ', cameraList: 'Camera theo xã',
      reason: 'Lý do'
    },
    en: {
      navMap: 'Camera map', mapLabel: 'Map of camera positions, coloured by status', legend: 'Legend',
      cameraDetails: 'Camera details', pickCamera: 'Pick a camera on the map or in the list.',
      statusSince: 'Since', position: 'Position', noPosition: 'no position yet', cameraList: 'Cameras by commune',
      reason: 'Reason'
    }
  };
  const t = key => App.t(key);
  const el = (...args) => App.el(...args);

  /** Equirectangular, shrunk in longitude by cos(latitude): fine over a district's few kilometres. */
  function projection(placed) {
    const lats = placed.map(c => c.latitude), lons = placed.map(c => c.longitude);
    const minLat = Math.min(...lats), maxLat = Math.max(...lats), minLon = Math.min(...lons), maxLon = Math.max(...lons);
    const k = Math.cos((minLat + maxLat) / 2 * Math.PI / 180);
    const spanX = Math.max((maxLon - minLon) * k, 0.002), spanY = Math.max(maxLat - minLat, 0.002);
    const scale = Math.min((W - 2 * PAD) / spanX, (H - 2 * PAD) / spanY);
    const offX = (W - spanX * scale) / 2, offY = (H - spanY * scale) / 2;
    return c => [offX + (c.longitude - minLon) * k * scale, offY + (maxLat - c.latitude) * scale];
  }

  /** Convex hull (monotone chain) of a commune's points, for its shaded area. */
  function hull(points) {
    const p = points.slice().sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    if (p.length < 3) return p;
    const cross = (o, a, b) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
    const lower = [], upper = [];
    p.forEach(q => { while (lower.length > 1 && cross(lower[lower.length - 2], lower[lower.length - 1], q) <= 0) lower.pop(); lower.push(q); });
    p.slice().reverse().forEach(q => { while (upper.length > 1 && cross(upper[upper.length - 2], upper[upper.length - 1], q) <= 0) upper.pop(); upper.push(q); });
    return lower.slice(0, -1).concat(upper.slice(0, -1));
  }

  function byCommune() {
    const groups = new Map();
    cameras.forEach(c => {
      if (!groups.has(c.communeId)) groups.set(c.communeId, { id: c.communeId, name: c.commune, cameras: [] });
      groups.get(c.communeId).cameras.push(c);
    });
    return [...groups.values()];
  }

  function statusText(c) {
    return t(c.status);
  }

  function drawMap() {
    const placed = cameras.filter(c => c.latitude != null && c.longitude != null);
    svg.replaceChildren();
    if (!placed.length) return;
    const xy = projection(placed);
    const areas = el('g', { class: 'communes' }), labels = el('g', { class: 'labels' }), dots = el('g', { class: 'cameras' });
    byCommune().forEach((group, i) => {
      const pts = group.cameras.filter(c => c.latitude != null && c.longitude != null).map(xy);
      if (!pts.length) return;
      const shape = hull(pts).map(p => p.map(v => v.toFixed(1)).join(',')).join(' ');
      const tint = COMMUNE_TINTS[i % COMMUNE_TINTS.length];
      // a thick round stroke of the same tint pads the hull (and makes one or two points a blob or a band)
      areas.append(el('g', { class: 'commune-area', 'data-commune': group.id, opacity: '0.16' },
        el(pts.length < 3 ? 'polyline' : 'polygon', { points: shape, fill: tint, stroke: tint, 'stroke-width': '70',
          'stroke-linejoin': 'round', 'stroke-linecap': 'round' })));
      const cx = pts.reduce((s, p) => s + p[0], 0) / pts.length;
      const top = Math.min(...pts.map(p => p[1]));
      labels.append(el('text', { class: 'commune-label', x: cx.toFixed(1), y: Math.max(24, top - 42).toFixed(1),
        'text-anchor': 'middle', fill: tint, 'data-raw': true, text: group.name }));
    });
    placed.forEach(c => {
      const [x, y] = xy(c);
      const dot = el('g', { class: 'camera-dot status-' + c.status.toLowerCase() + (selected === c.id ? ' selected' : ''),
        'data-id': c.id, 'data-status': c.status, tabindex: '0', role: 'button', 'data-raw-label': true,
        'aria-label': c.name + ' (' + c.id + '), ' + statusText(c), transform: 'translate(' + x.toFixed(1) + ',' + y.toFixed(1) + ')' },
        el('title', { text: c.name + ' (' + c.id + ') — ' + statusText(c) }),
        el('circle', { r: '13', class: 'dot' }),
        el('text', { x: '17', y: '5', class: 'dot-label', 'data-raw': true, text: c.id }));
      dot.addEventListener('click', () => select(c.id));
      dot.addEventListener('keydown', e => {
        if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); select(c.id); }
      });
      dots.append(dot);
    });
    svg.append(areas, labels, dots);
  }

  function drawList() {
    list.replaceChildren(...byCommune().map(group => el('div', { class: 'commune-group', 'data-commune': group.id },
      el('h4', { 'data-raw': true, text: group.name }),
      el('ul', {}, ...group.cameras.map(c => el('li', {},
        el('button', { type: 'button', class: 'camera-item status-' + c.status.toLowerCase(), 'data-id': c.id,
          'aria-pressed': String(selected === c.id), onclick: () => select(c.id) },
          el('span', { class: 'swatch', 'aria-hidden': 'true' }),
          el('span', { 'data-raw': true, text: c.name + ' (' + c.id + ')' }), ' — ', statusText(c),
          c.latitude == null ? ' (' + t('noPosition') + ')' : null)))))));
  }

  function drawDetails() {
    const c = cameras.find(x => x.id === selected);
    if (!c) {
      details.replaceChildren(el('p', { class: 'empty', text: t('pickCamera') }));
      return;
    }
    const row = (key, value, raw) => [el('dt', { text: t(key) }), el('dd', raw ? { 'data-raw': true, text: value } : { text: value })];
    details.replaceChildren(el('h4', { 'data-raw': true, text: c.name }), el('dl', {},
      row('camera', c.id, true), row('commune', c.commune, true),
      row('status', statusText(c)), c.statusReason ? row('reason', c.statusReason, true) : [],
      c.statusSince ? [el('dt', { text: t('statusSince') }), el('dd', {}, el('time', { datetime: c.statusSince, text: App.formatTime(c.statusSince) }))] : [],
      row('position', c.latitude == null ? t('noPosition') : c.latitude.toFixed(4) + ', ' + c.longitude.toFixed(4), c.latitude != null)));
  }

  function select(id) {
    selected = id;
    draw();
    const dot = svg.querySelector('[data-id="' + id + '"]');
    if (dot && document.activeElement && document.activeElement.closest && document.activeElement.closest('svg')) dot.focus();
  }

  function draw() {
    const focusedId = document.activeElement && document.activeElement.dataset ? document.activeElement.dataset.id : null;
    const inMap = document.activeElement && document.activeElement.closest && document.activeElement.closest('#district-map');
    drawMap();
    drawList();
    drawDetails();
    if (inMap && focusedId) {
      const again = svg.querySelector('[data-id="' + focusedId + '"]');
      if (again) again.focus();
    }
  }

  function load() {
    return App.api('/api/cameras').then(rows => { cameras = rows; draw(); });
  }

  App.registerPage({
    id: 'map', navKey: 'navMap', messages,
    render(section) {
      svg = el('svg', { id: 'district-map', viewBox: '0 0 ' + W + ' ' + H, role: 'group', 'data-i18n-label': 'mapLabel',
        'aria-label': t('mapLabel'), preserveAspectRatio: 'xMidYMid meet' });
      const legend = el('ul', { class: 'legend', 'data-i18n-label': 'legend', 'aria-label': t('legend') },
        ...STATUSES.map(s => el('li', { class: 'status-' + s.toLowerCase() },
          el('span', { class: 'swatch', 'aria-hidden': 'true' }), el('span', { 'data-i18n': s, text: t(s) }))));
      details = el('div', { class: 'camera-details', id: 'camera-details', 'aria-live': 'polite' });
      list = el('div', { class: 'camera-list', id: 'camera-list' });
      section.append(el('div', { class: 'map-layout' },
        el('figure', { class: 'map' }, svg, legend),
        el('div', { class: 'map-side' },
          el('h3', { 'data-i18n': 'cameraDetails', text: t('cameraDetails') }), details,
          el('h3', { 'data-i18n': 'cameraList', text: t('cameraList') }), list)));
      // a status change arrives as an event; fetch the cameras again, at most twice a second
      App.on('camera-event', e => {
        if (!e.status || refreshTimer) return;
        refreshTimer = setTimeout(() => { refreshTimer = null; load(); }, 500);
      });
      load();
    },
    onLanguage() {
      if (svg) draw();
    }
  });
})();
