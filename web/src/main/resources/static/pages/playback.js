// Xem lại / Playback: one to four cameras' recordings from their commune gateways, on one clock. A day
// timeline per camera shows what is recorded, the gaps (why, on hover) and the camera's events; click or
// drag on it to go to an instant, click an event to go to it. Play, pause, step 5 seconds back or on,
// speed ×1/×2/×4/×8. Only what is watched crosses the commune's link: paused, nothing is sent.
(function () {
  'use strict';
  const DAY_MS = 86400000;
  const STEP_MS = 5000;
  const MAX_CAMERAS = 4;
  const START_AHEAD_MS = 500; // wall time buffered before the clock runs: a weak link's jitter does not stall it
  const SPEEDS = [1, 2, 4, 8];
  // what someone scrubs to: the starts of what happened, not every end and reconnect (a day bar has ~60 s per pixel)
  const MARKED = ['MOTION_START', 'CAMERA_MOTION_START', 'CAMERA_TAMPER_START', 'CAMERA_OFFLINE'];
  let pickers, dayInput, timeInput, rows, clockText, playButton, speedSelect, problemText;
  let cameras = [];
  let views = []; // {camera, video, state, bar, cursor, player}
  let dayStart = 0;
  // the stretch of the day the bars show: the whole day, or zoomed around the clock to tell seconds apart
  const ZOOMS = [['pbZoomDay', DAY_MS], ['pbZoomHour', 3600000], ['pbZoom10', 600000], ['pbZoom1', 60000]];
  let windowStart = 0, windowMs = DAY_MS, zoomSelect;
  const clock = { at: 0, since: 0, speed: 1, playing: false, waiting: false, still: false, ticker: null };

  const messages = {
    vi: {
      navPlayback: 'Xem lại', pbCameras: 'Camera (tối đa 4)', pbDay: 'Ngày', pbTime: 'Giờ', pbShow: 'Xem',
      pbPlay: 'Phát', pbPause: 'Tạm dừng', pbBack: '← 5 giây', pbForward: '5 giây →', pbSpeed: 'Tốc độ',
      pbTimeline: 'Dòng thời gian ghi hình trong ngày của {camera}', pbPickOne: 'Chọn từ 1 đến 4 camera.',
      pbNoRecording: 'Không có bản ghi trong ngày này.', pbNow: 'Đang xem lúc',
      pbConnecting: 'Đang kết nối…', pbPlaying: 'Đang phát', pbEnd: 'Hết phần đã ghi', pbClosed: 'Mất hình',
      gap_CAMERA_OFFLINE: 'Không ghi: camera mất tín hiệu', gap_DISK_GUARD: 'Không ghi: dừng để đĩa không đầy',
      gap_GATEWAY_DOWN: 'Không ghi: gateway không chạy', gap_RETENTION: 'Đã xoá theo thời hạn lưu',
      gap_CAMERA_OFFLINE_NO_REPLAY: 'Không ghi: camera mất tín hiệu và không tự lưu bản ghi để lấy lại',
      gap_CAMERA_OFFLINE_NOT_ON_CAMERA: 'Không ghi: camera mất tín hiệu, bộ nhớ của camera cũng không có đoạn này',
      gap_CAMERA_OFFLINE_REPLAY_REFUSED: 'Không ghi: camera mất tín hiệu và từ chối cho lấy lại bản ghi',
      gap_CAMERA_OFFLINE_REPLAY_FAILED: 'Không ghi: camera mất tín hiệu, lấy lại từ bộ nhớ camera không thành',
      gap_OTHER: 'Không có bản ghi', pbPlayback: 'Xem lại', pbPlaybackHere: 'Xem lại lúc này',
      pbZoom: 'Phóng dòng thời gian', pbZoomDay: 'Cả ngày', pbZoomHour: '1 giờ', pbZoom10: '10 phút', pbZoom1: '1 phút'
    },
    en: {
      navPlayback: 'Playback', pbCameras: 'Cameras (up to 4)', pbDay: 'Day', pbTime: 'Time', pbShow: 'Show',
      pbPlay: 'Play', pbPause: 'Pause', pbBack: '← 5 s', pbForward: '5 s →', pbSpeed: 'Speed',
      pbTimeline: "{camera}'s recording timeline for the day", pbPickOne: 'Pick one to four cameras.',
      pbNoRecording: 'Nothing recorded on this day.', pbNow: 'Watching',
      pbConnecting: 'Connecting…', pbPlaying: 'Playing', pbEnd: 'End of the recording', pbClosed: 'No picture',
      gap_CAMERA_OFFLINE: 'Not recorded: the camera was offline', gap_DISK_GUARD: 'Not recorded: stopped to keep the disk from filling',
      gap_GATEWAY_DOWN: 'Not recorded: the gateway was not running', gap_RETENTION: 'Deleted by retention',
      gap_CAMERA_OFFLINE_NO_REPLAY: 'Not recorded: the camera was offline and keeps no recording of its own to fetch',
      gap_CAMERA_OFFLINE_NOT_ON_CAMERA: "Not recorded: the camera was offline, and its own storage lacks this stretch too",
      gap_CAMERA_OFFLINE_REPLAY_REFUSED: 'Not recorded: the camera was offline and refused to replay its own recording',
      gap_CAMERA_OFFLINE_REPLAY_FAILED: "Not recorded: the camera was offline; fetching it from the camera's storage failed",
      gap_OTHER: 'Nothing recorded', pbPlayback: 'Playback', pbPlaybackHere: 'Play back from this moment',
      pbZoom: 'Timeline zoom', pbZoomDay: 'Whole day', pbZoomHour: '1 hour', pbZoom10: '10 minutes', pbZoom1: '1 minute'
    }
  };
  const t = key => App.t(key);
  const el = (...args) => App.el(...args);

  const { dayOf, localTime, startOfDay } = App.hooks.districtTime;
  const pct = ms => Math.max(0, Math.min(100, (ms - windowStart) / windowMs * 100));

  /** Shows the stretch around {@code at} (the whole day unzoomed), redrawing the bars if it moved. */
  function placeWindow(at, always) {
    const inside = at >= windowStart && at <= windowStart + windowMs;
    if (inside && !always) return;
    windowStart = Math.max(dayStart, Math.min(dayStart + DAY_MS - windowMs, at - windowMs / 2));
    views.forEach(drawBar);
  }

  function now() {
    return clock.playing ? clock.at + (performance.now() - clock.since) * clock.speed : clock.at;
  }

  function closePlayers() {
    views.forEach(v => { if (v.player) v.player.close(); v.player = null; });
  }

  /** Every camera from {@code at}: new sessions, the clock held until pictures arrive. */
  function seek(at, play) {
    closePlayers();
    clock.at = at;
    clock.playing = false;
    clock.waiting = play;
    clock.still = !play; // paused: fetch the one picture at the instant, then stop
    placeWindow(at, false);
    views.forEach(v => {
      const status = key => { v.state.dataset.i18n = key; v.state.textContent = t(key); v.row.dataset.state = key; };
      v.player = App.hooks.playbackPlayer.open(v.camera.id, at, clock.speed, v.video, status);
    });
    drawClock();
  }

  function tick() {
    const live = views.filter(v => v.player && !v.player.ended);
    if (clock.waiting) {
      const ready = live.some(v => (v.player.bufferedUntil() || 0) >= clock.at + START_AHEAD_MS * clock.speed);
      if (ready || (live.length && live.every(v => v.player.ended))) {
        clock.waiting = false;
        clock.playing = true;
        clock.since = performance.now();
      }
    }
    const at = now();
    placeWindow(at, false);
    views.forEach(v => {
      if (!v.player) return;
      v.player.sync(at, clock.playing);
      if (clock.still && (v.player.bufferedUntil() || 0) >= at) v.player.freeze();
    });
    drawClock();
  }

  function drawClock() {
    const at = now();
    clockText.textContent = at ? App.formatTime(new Date(at).toISOString()) : '';
    clockText.dataset.at = at ? new Date(at).toISOString() : '';
    views.forEach(v => { v.cursor.style.left = pct(at) + '%'; });
    const playing = clock.playing || clock.waiting;
    playButton.dataset.i18n = playing ? 'pbPause' : 'pbPlay';
    playButton.textContent = t(playButton.dataset.i18n);
    playButton.setAttribute('aria-pressed', String(playing));
  }

  function togglePlay() {
    if (clock.playing || clock.waiting) {
      clock.at = now();
      clock.playing = false;
      clock.waiting = false;
      views.forEach(v => { if (v.player) v.player.freeze(); v.video.pause(); });
      drawClock();
    } else {
      seek(now(), true);
    }
  }

  /** Click or drag on a day bar: the cursor follows, letting go goes there. */
  function scrubbing(bar) {
    const instant = e => { const r = bar.getBoundingClientRect(); return windowStart + (e.clientX - r.left) / r.width * windowMs; };
    let dragging = false;
    bar.addEventListener('pointerdown', e => {
      if (e.target.closest('.pb-event')) return;
      dragging = true;
      bar.setPointerCapture(e.pointerId);
    });
    bar.addEventListener('pointermove', e => {
      if (!dragging) return;
      const at = instant(e);
      views.forEach(v => { v.cursor.style.left = pct(at) + '%'; });
      clockText.textContent = App.formatTime(new Date(at).toISOString());
    });
    bar.addEventListener('pointerup', e => {
      if (!dragging) return;
      dragging = false;
      seek(instant(e), true);
    });
  }

  function timeline(camera) {
    const bar = el('div', { class: 'pb-timeline', role: 'group', 'data-camera': camera.id,
      'aria-label': t('pbTimeline').replace('{camera}', camera.id) });
    scrubbing(bar);
    return { bar, cursor: el('div', { class: 'pb-cursor' }) };
  }

  /** A camera's bar over the shown stretch: recorded spans, gaps with why, event marks, the clock's cursor. */
  function drawBar(v) {
    // through the CSSOM: the content security policy refuses style attributes
    const place = (node, from, to, min) => {
      node.style.left = pct(from) + '%';
      if (to != null) node.style.width = Math.max(min, pct(to) - pct(from)) + '%';
      return node;
    };
    const shown = (from, to) => to >= windowStart && from <= windowStart + windowMs;
    const spans = v.recorded.spans.filter(s => shown(Date.parse(s.start), Date.parse(s.end))).map(s => place(el('div', { class: 'pb-span',
      'data-start': s.start, 'data-end': s.end }), Date.parse(s.start), Date.parse(s.end), 0));
    const gaps = v.recorded.gaps.filter(g => shown(Date.parse(g.start), Date.parse(g.end))).map(g => {
      const key = 'gap_' + (messages.en['gap_' + g.reason] ? g.reason : 'OTHER');
      return place(el('div', { class: 'pb-gap', 'data-reason': g.reason, 'data-i18n-title': key, title: t(key) }),
        Date.parse(g.start), Date.parse(g.end), 0.2);
    });
    const marks = v.events.filter(e => MARKED.includes(e.type) && shown(Date.parse(e.occurredAt), Date.parse(e.occurredAt)))
      .map(e => place(el('button', { type: 'button', class: 'pb-event', 'data-at': e.occurredAt, 'data-type': e.type,
        title: t(e.type) + ' · ' + App.formatTime(e.occurredAt), 'aria-label': t(e.type) + ' · ' + App.formatTime(e.occurredAt),
        onclick: () => seek(Date.parse(e.occurredAt), true) }), Date.parse(e.occurredAt)));
    v.bar.replaceChildren(...spans, ...gaps, ...marks, v.cursor);
  }

  function load(ids, at, play) {
    closePlayers();
    problemText.textContent = '';
    if (!ids.length || ids.length > MAX_CAMERAS) {
      problemText.dataset.i18n = 'pbPickOne';
      problemText.textContent = t('pbPickOne');
      return;
    }
    const day = dayInput.value;
    dayStart = startOfDay(day);
    const range = 'from=' + new Date(dayStart).toISOString() + '&to=' + new Date(dayStart + DAY_MS).toISOString();
    Promise.all(ids.map(id => {
      const camera = cameras.find(c => c.id === id) || { id, name: id };
      return Promise.all([
        App.api('/api/cameras/' + encodeURIComponent(id) + '/recordings?' + range).catch(() => ({ spans: [], gaps: [] })),
        App.api('/api/events?camera=' + encodeURIComponent(id) + '&' + range + '&limit=1000').catch(() => [])
      ]).then(([recorded, events]) => ({ camera, recorded, events }));
    })).then(loaded => {
      views = loaded.map(({ camera, recorded, events }) => {
        const video = el('video', { muted: true, playsinline: true, 'aria-label': camera.name, 'data-raw-label': true });
        video.muted = true;
        const state = el('span', { class: 'live-state' });
        const { bar, cursor } = timeline(camera);
        const empty = recorded.spans.length ? null
          : el('p', { class: 'empty', 'data-i18n': 'pbNoRecording', text: t('pbNoRecording') });
        const row = el('div', { class: 'pb-row', 'data-camera': camera.id },
          el('h3', {}, el('span', { 'data-raw': true, text: camera.id + ' · ' + camera.name + ' ' }), state),
          el('div', { class: 'live-slot' }, video), bar, empty);
        return { camera, video, state, bar, cursor, row, recorded, events, player: null };
      });
      rows.replaceChildren(...views.map(v => v.row));
      placeWindow(at, true);
      seek(at, play);
    });
  }

  function chosen() {
    return [...pickers.querySelectorAll('input:checked')].map(i => i.value);
  }

  function show() {
    const at = App.hooks.districtTime.at(dayInput.value, timeInput.value);
    location.hash = '#/playback/' + chosen().map(encodeURIComponent).join(',') + '@' + new Date(at).toISOString();
  }

  App.hooks.playbackHref = (cameraId, at) => '#/playback/' + encodeURIComponent(cameraId) + (at ? '@' + at : '');

  App.registerPage({
    id: 'playback', navKey: 'navPlayback', roles: ['ADMIN', 'OPERATOR', 'TECHNICIAN', 'COMMUNE_HEAD'], messages,
    render(section) {
      pickers = el('fieldset', { class: 'pb-cameras', id: 'pb-cameras' },
        el('legend', { 'data-i18n': 'pbCameras', text: t('pbCameras') }));
      dayInput = el('input', { type: 'date', id: 'pb-day', 'data-i18n-label': 'pbDay', 'aria-label': t('pbDay') });
      timeInput = el('input', { type: 'time', step: '1', id: 'pb-time', 'data-i18n-label': 'pbTime', 'aria-label': t('pbTime') });
      playButton = el('button', { type: 'button', id: 'pb-play', class: 'small', 'aria-pressed': 'false', onclick: togglePlay });
      speedSelect = el('select', { id: 'pb-speed', 'data-i18n-label': 'pbSpeed', 'aria-label': t('pbSpeed'),
        onchange: () => { const at = now(); const play = clock.playing || clock.waiting; clock.speed = Number(speedSelect.value); seek(at, play); } },
        ...SPEEDS.map(s => el('option', { value: String(s), 'data-raw': true, text: '×' + s })));
      zoomSelect = el('select', { id: 'pb-zoom', 'data-i18n-label': 'pbZoom', 'aria-label': t('pbZoom'),
        onchange: () => { windowMs = Number(zoomSelect.value); placeWindow(now() || dayStart, true); } },
        ...ZOOMS.map(([key, ms]) => el('option', { value: String(ms), 'data-i18n': key, text: t(key) })));
      clockText = el('output', { id: 'pb-clock', 'data-raw': true });
      problemText = el('p', { id: 'pb-problem', class: 'empty', role: 'status' });
      rows = el('div', { id: 'pb-rows', class: 'pb-rows' });
      section.append(el('form', { class: 'inline-form', id: 'pb-form', onsubmit: e => { e.preventDefault(); show(); } },
        pickers, dayInput, timeInput, el('button', { type: 'submit', id: 'pb-show', 'data-i18n': 'pbShow', text: t('pbShow') })),
      el('div', { class: 'inline-form', id: 'pb-controls' }, playButton,
        el('button', { type: 'button', id: 'pb-back', class: 'small', 'data-i18n': 'pbBack', text: t('pbBack'),
          onclick: () => seek(now() - STEP_MS, clock.playing || clock.waiting) }),
        el('button', { type: 'button', id: 'pb-forward', class: 'small', 'data-i18n': 'pbForward', text: t('pbForward'),
          onclick: () => seek(now() + STEP_MS, clock.playing || clock.waiting) }),
        speedSelect, zoomSelect, el('span', { 'data-i18n': 'pbNow', text: t('pbNow') }), clockText), problemText, rows);
      drawClock();
    },
    /** #/playback/QL-01,QL-02@2026-12-07T02:10:00Z: those cameras from that instant, playing. */
    show(rest) {
      clearInterval(clock.ticker);
      const [list, instant] = (rest || '').split('@');
      const ids = (list || '').split(',').filter(Boolean).map(decodeURIComponent);
      const at = instant ? Date.parse(instant) : Date.now() - 60000;
      dayInput.value = dayOf(at);
      timeInput.value = localTime(at);
      App.api('/api/cameras').then(all => {
        cameras = all;
        pickers.replaceChildren(pickers.firstChild, ...all.map(c => el('label', { class: 'filter' },
          el('input', { type: 'checkbox', value: c.id, checked: ids.includes(c.id) }),
          el('span', { 'data-raw': true, text: c.id + ' · ' + c.name }))));
        if (ids.length) load(ids, at, !!instant);
      });
      clock.ticker = setInterval(tick, 200);
    },
    hide() {
      clearInterval(clock.ticker);
      closePlayers();
      clock.playing = false;
      clock.waiting = false;
    },
    onLanguage() {
      drawClock();
    }
  });
})();
