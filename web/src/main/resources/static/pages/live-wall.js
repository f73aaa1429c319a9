// The live wall: every camera's substream in a grid (fragmented MP4 over WebSocket into Media Source
// Extensions, no transcoding anywhere); a tile opens the camera's main stream large. On a weak link,
// "still pictures" swaps video for a snapshot refreshed every few seconds.
(function () {
  'use strict';
  const SNAPSHOT_EVERY_MS = 3000;
  const JITTER_SECONDS = 1; // Chromium stalls at the very live edge: play about a second behind it
  let grid, single, singleTitle, singleSlot, stillsToggle, ptzBar;
  // several districts' cameras are too many streams for one wall: the operator picks a district
  let districtShown = localStorage.getItem('canhgac.wall.district') || '';
  const PTZ_SPEED = 0.5;
  const PTZ_REPEAT_MS = 700; // a move lasts a second on the camera: repeat it while the button is held
  let players = [];
  let stills = localStorage.getItem('canhgac.wall.stills') === 'true';

  const messages = {
    vi: {
      navLive: 'Xem trực tiếp', stills: 'Ảnh tĩnh (đường truyền yếu)', back: 'Về lưới camera', connecting: 'Đang kết nối…',
      playing: 'Trực tiếp', liveClosed: 'Mất hình', accessWithdrawn: 'Quyền xem đã bị thu hồi', h265: 'Luồng H.265: trình duyệt không phát được, hãy xem luồng phụ',
      tooSlow: 'Đường truyền chậm: chuyển sang ảnh tĩnh', unreachable: 'Không kết nối được camera',
      noMse: 'Trình duyệt này không phát được video trực tiếp', noCameras: 'Không có camera nào để xem.',
      mainStream: 'Luồng chính', openCamera: 'Xem lớn camera', ptzControls: 'Điều khiển quay quét',
      ptzLeft: 'Quay trái', ptzRight: 'Quay phải', ptzUp: 'Ngẩng lên', ptzDown: 'Cúi xuống', ptzZoomIn: 'Phóng to',
      ptzZoomOut: 'Thu nhỏ', ptzFailed: 'Camera không nhận lệnh quay quét'
    },
    en: {
      navLive: 'Live wall', stills: 'Still pictures (weak link)', back: 'Back to the wall', connecting: 'Connecting…',
      playing: 'Live', liveClosed: 'No picture', accessWithdrawn: 'Viewing rights withdrawn', h265: 'H.265 stream: browsers cannot play it, watch the substream',
      tooSlow: 'Link too slow: showing still pictures', unreachable: 'The camera cannot be reached',
      noMse: 'This browser cannot play live video', noCameras: 'No cameras to watch.',
      mainStream: 'Main stream', openCamera: 'Open camera large', ptzControls: 'Pan, tilt and zoom',
      ptzLeft: 'Pan left', ptzRight: 'Pan right', ptzUp: 'Tilt up', ptzDown: 'Tilt down', ptzZoomIn: 'Zoom in',
      ptzZoomOut: 'Zoom out', ptzFailed: 'The camera refused the PTZ command'
    }
  };
  const t = key => App.t(key);
  const el = (...args) => App.el(...args);

  function ticket(cameraId, stream) {
    return App.post('/api/live/tickets', { cameraId, stream });
  }

  /** One stream shown in one slot: MSE video, or a refreshed snapshot. */
  function player(camera, stream, slot, state) {
    const p = { closed: false, ws: null, timer: null };
    const status = text => { state.dataset.i18n = text; state.textContent = t(text); slot.dataset.state = text; };
    p.close = () => {
      p.closed = true;
      clearTimeout(p.timer);
      if (p.ws) p.ws.close();
    };
    const snapshots = () => {
      const img = el('img', { alt: camera.name, 'data-raw': true });
      slot.replaceChildren(img);
      const refresh = () => ticket(camera.id, stream).then(tk => {
        if (p.closed) return;
        img.src = tk.snapshotUrl;
        status('playing');
        p.timer = setTimeout(refresh, SNAPSHOT_EVERY_MS);
      }).catch(() => { if (!p.closed) p.timer = setTimeout(refresh, SNAPSHOT_EVERY_MS); });
      refresh();
    };
    const video = () => {
      if (!window.MediaSource) { status('noMse'); return; }
      status('connecting');
      ticket(camera.id, stream).then(tk => {
        if (p.closed) return;
        const media = new MediaSource();
        const v = el('video', { muted: true, autoplay: true, playsinline: true, 'aria-label': camera.name, 'data-raw-label': true });
        v.muted = true;
        v.src = URL.createObjectURL(media);
        slot.replaceChildren(v);
        const queue = [];
        let buffer = null, started = false;
        const pump = () => {
          if (!buffer || buffer.updating || !queue.length) return;
          buffer.appendBuffer(queue.shift());
        };
        const ws = new WebSocket(tk.url);
        p.ws = ws;
        ws.binaryType = 'arraybuffer';
        ws.onmessage = m => {
          if (typeof m.data === 'string') {
            const init = JSON.parse(m.data);
            if (init.type === 'init' && !buffer && media.readyState === 'open') {
              buffer = media.addSourceBuffer(init.mime);
              buffer.mode = 'segments';
              buffer.addEventListener('updateend', () => {
                const b = v.buffered;
                if (!started && b.length && b.end(0) - b.start(0) >= JITTER_SECONDS) {
                  started = true;
                  v.currentTime = b.start(0);
                  v.play().catch(() => {});
                  status('playing');
                } else if (started && b.length && b.end(b.length - 1) - v.currentTime > 4 * JITTER_SECONDS) {
                  v.currentTime = b.end(b.length - 1) - JITTER_SECONDS; // fell behind (a hidden tab): back to live
                }
                if (b.length && v.currentTime - b.start(0) > 30 && !buffer.updating) {
                  buffer.remove(b.start(0), v.currentTime - 10); // keep memory flat on a wall left open all shift
                } else {
                  pump();
                }
              });
            }
            return;
          }
          queue.push(m.data);
          pump();
        };
        ws.onclose = e => {
          if (p.closed) return;
          if (e.code === 4429) { status('tooSlow'); snapshots(); return; }
          // the account was disabled or changed: no retry; the session is gone too, so this leads to the login page
          if (e.code === 4430) { status('accessWithdrawn'); App.api('/api/me').catch(() => {}); return; }
          status(e.code === 4415 ? 'h265' : e.code === 4502 ? 'unreachable' : 'liveClosed');
          // tickets expire and cameras come back: try again in a while
          if (e.code !== 4415) p.timer = setTimeout(video, 5000);
        };
      }).catch(() => { if (!p.closed) { status('liveClosed'); p.timer = setTimeout(video, 5000); } });
    };
    if (stills) snapshots(); else video();
    return p;
  }

  function closeAll() {
    players.forEach(p => p.close());
    players = [];
  }

  function tile(camera) {
    const slot = el('div', { class: 'live-slot' });
    const state = el('span', { class: 'live-state' });
    // the button's own text (camera and state) names it; a translated aria-label would hide the state
    const open = el('button', { type: 'button', class: 'live-tile', 'data-camera': camera.id, title: t('openCamera'),
      'data-i18n-title': 'openCamera', onclick: () => openSingle(camera) },
      slot, el('span', { class: 'live-caption' }, el('span', { 'data-raw': true, text: camera.id + ' · ' + camera.name
        + (App.districts.several() ? ' · ' + App.districts.nameOf(camera.communeId) : '') }), state));
    players.push(player(camera, 'sub', slot, state));
    return open;
  }

  function showWall() {
    closeAll();
    single.hidden = true;
    grid.hidden = false;
    Promise.all([App.api('/api/cameras'), App.districts.load()]).then(([all, known]) => {
      if (!known.some(d => d.id === districtShown)) districtShown = ''; // kept from a scope that has changed since
      const cameras = all.filter(c => App.districts.matches(districtShown, c.communeId));
      grid.replaceChildren(...(cameras.length ? cameras.map(tile)
        : [el('p', { class: 'empty', 'data-i18n': 'noCameras', text: t('noCameras') })]));
    });
  }

  /** Hold a button (pointer, Enter or Space) to move; let go to stop. */
  function ptzButtons(camera) {
    const send = body => App.post('/api/cameras/' + encodeURIComponent(camera.id) + '/ptz', body)
      .catch(e => {
        ptzBar.dataset.error = 'true';
        // the commune's gateway away is not the camera's refusal: say which
        const away = e.problem && e.problem.problem === 'GATEWAY_UNAVAILABLE';
        ptzBar.dataset.i18nTitle = away ? 'problem_GATEWAY_UNAVAILABLE' : 'ptzFailed';
        ptzBar.title = t(ptzBar.dataset.i18nTitle);
      });
    const button = (key, pan, tilt, zoom, label) => {
      let repeat = null;
      const start = e => {
        e.preventDefault();
        if (repeat) return;
        const move = () => send({ action: 'MOVE', pan, tilt, zoom });
        move();
        repeat = setInterval(move, PTZ_REPEAT_MS);
      };
      const stop = () => {
        if (!repeat) return;
        clearInterval(repeat);
        repeat = null;
        send({ action: 'STOP' });
      };
      return el('button', { type: 'button', class: 'small ptz', 'data-ptz': key, 'data-i18n-label': key,
        'aria-label': t(key), text: label, onpointerdown: start, onpointerup: stop, onpointerleave: stop,
        onkeydown: e => { if (e.key === 'Enter' || e.key === ' ') start(e); },
        onkeyup: e => { if (e.key === 'Enter' || e.key === ' ') stop(); }, onblur: stop });
    };
    return [button('ptzLeft', -PTZ_SPEED, 0, 0, '◀'), button('ptzUp', 0, PTZ_SPEED, 0, '▲'),
      button('ptzDown', 0, -PTZ_SPEED, 0, '▼'), button('ptzRight', PTZ_SPEED, 0, 0, '▶'),
      button('ptzZoomIn', 0, 0, PTZ_SPEED, '+'), button('ptzZoomOut', 0, 0, -PTZ_SPEED, '−')];
  }

  function openSingle(camera) {
    closeAll();
    grid.hidden = true;
    single.hidden = false;
    const state = el('span', { class: 'live-state' });
    singleTitle.replaceChildren(el('span', { 'data-raw': true, text: camera.id + ' · ' + camera.name }), ' — ',
      el('span', { 'data-i18n': 'mainStream', text: t('mainStream') }), ' ', state, ' ',
      el('a', { id: 'live-camera-page', href: '#/camera/' + encodeURIComponent(camera.id), 'data-i18n': 'navCamera', text: t('navCamera') }));
    const hasMain = camera.registration && camera.registration.mainStream;
    const hasPtz = camera.registration && camera.registration.ptz;
    ptzBar.hidden = !hasPtz;
    delete ptzBar.dataset.error;
    ptzBar.replaceChildren(...(hasPtz ? ptzButtons(camera) : []));
    players.push(player(camera, hasMain ? 'main' : 'sub', singleSlot, state));
    single.querySelector('button.back').focus();
  }

  App.registerPage({
    id: 'live', navKey: 'navLive', roles: ['ADMIN', 'OPERATOR', 'TECHNICIAN'], messages,
    render(section) {
      stillsToggle = el('label', { class: 'filter' },
        el('input', { type: 'checkbox', id: 'live-stills', checked: stills, onchange: e => {
          stills = e.target.checked;
          localStorage.setItem('canhgac.wall.stills', String(stills));
          showWall();
        } }),
        el('span', { 'data-i18n': 'stills', text: t('stills') }));
      const districtFilter = App.districts.filter('live-district', id => {
        districtShown = id;
        localStorage.setItem('canhgac.wall.district', id);
        showWall();
      });
      grid = el('div', { class: 'live-grid', id: 'live-grid' });
      singleSlot = el('div', { class: 'live-slot large', id: 'live-single-slot' });
      singleTitle = el('h3', { id: 'live-single-title' });
      ptzBar = el('div', { class: 'ptz-bar', id: 'live-ptz', role: 'group', 'data-i18n-label': 'ptzControls',
        'aria-label': t('ptzControls'), hidden: true });
      single = el('div', { class: 'live-single', id: 'live-single', hidden: true },
        el('button', { type: 'button', class: 'small back', 'data-i18n': 'back', text: t('back'), onclick: showWall }),
        singleTitle, ptzBar, singleSlot);
      section.append(stillsToggle, districtFilter, grid, single);
    },
    show() {
      showWall();
    },
    hide() {
      closeAll();
    }
  });
})();
