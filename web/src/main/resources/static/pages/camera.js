// One camera for technicians (#/camera/ID): who it is, its status, its stream's live figures as the
// gateway measures them (refreshed every few seconds, marked stale when the gateway stops reporting),
// its status changes over the last week as a bar and a list, with its uptime, and on request the
// event topics the camera itself reports (ONVIF GetEventProperties, read through its gateway); its
// PTZ presets, position and imaging settings come from camera-ptz.js.
(function () {
  'use strict';
  const STATS_EVERY_MS = 2000;
  const HEALTH_EVERY_MS = 30000; // status changes also arrive as events and reload it at once
  const DAYS = 7;
  let topicsButton, topicsNote, topicsList;
  let topics = null; // null: not read yet; else the camera's answer
  let parts, ptzPart = null, imagingPart = null, partsFor = null; // camera-ptz.js's parts, made once per camera
  let topicsError = null;
  let select, identity, statusBox, statsBox, staleNote, uptimeLine, bar, barEnds, history, message;
  let cameras = [];
  let cameraId = null;
  let camera = null;
  let stats = null;
  let health = null;
  let statsTimer, healthTimer, reloadTimer;
  let visible = false;
  let notFound = false;

  const messages = {
    vi: {
      navCamera: 'Trang camera', cpChoose: 'Chọn camera', cpId: 'Mã',
      cpModel: 'Hãng, kiểu', cpFirmware: 'Firmware', cpAddress: 'Địa chỉ', cpPosition: 'Toạ độ',
      cpNotOnboarded: 'Chưa thêm vào sổ đăng ký', cpStatusNow: 'Trạng thái hiện tại', cpSince: 'Từ lúc',
      cpReason: 'Lý do', cpStream: 'Luồng video', cpFps: 'Số hình/giây', cpBitrate: 'Tốc độ bit',
      cpKbps: '{n} kbit/s', cpLastFrame: 'Hình cuối', cpSecondsAgo: '{n} giây trước', cpMinutesAgo: '{n} phút trước',
      cpNoFrame: 'Chưa nhận hình nào', cpPicture: 'Độ phân giải, chuẩn nén', cpReconnects: 'Số lần kết nối lại',
      cpLate: 'Hình phân tích trễ (quá 0,2 giây)',
      cpGateway: 'Cổng thu', cpNoStats: 'Cổng thu chưa báo số liệu luồng của camera này.',
      cpStale: 'Số liệu cũ: cổng thu không báo từ {n} giây nay (mất đường truyền hoặc cổng thu dừng).',
      cpHealth: 'Tình trạng 7 ngày qua', cpUptime: 'Thời gian hoạt động: {p}', cpUptimeKnown: '({p} trong thời gian biết rõ trạng thái)',
      cpUptimeNone: 'Chưa có dữ liệu trạng thái trong 7 ngày qua.', cpHistory: 'Các lần đổi trạng thái',
      cpNoHistory: 'Không có thay đổi nào trong 7 ngày qua.', cpTruncated: 'Chỉ hiện {n} lần gần nhất.',
      cpBarLabel: 'Trạng thái theo thời gian, 7 ngày qua', cpNotFound: 'Không có camera {id}.',
      cpLoadFailed: 'Không tải được dữ liệu camera, đang thử lại…', cpOpen: 'Xem trang camera {id}',
      cpTopics: 'Sự kiện camera tự báo', cpTopicsRead: 'Đọc từ camera', cpTopicsReading: 'Đang hỏi camera…',
      cpTopicsHint: 'Đọc qua cổng thu của xã, chỉ khi bấm nút, để đỡ tốn đường truyền.',
      cpTopicsNone: 'Camera không báo loại sự kiện nào.', cpTopicsFailed: 'Không đọc được danh sách sự kiện: {m}',
      cpTopicsCount: '{n} loại sự kiện', cpTopicState: 'trạng thái', cpTopicEvent: 'sự kiện'
    },
    en: {
      navCamera: 'Camera page', cpChoose: 'Choose a camera', cpId: 'Id',
      cpModel: 'Make, model', cpFirmware: 'Firmware', cpAddress: 'Address', cpPosition: 'Position',
      cpNotOnboarded: 'Not onboarded in the registry', cpStatusNow: 'Status now', cpSince: 'Since',
      cpReason: 'Reason', cpStream: 'Video stream', cpFps: 'Frames per second', cpBitrate: 'Bitrate',
      cpKbps: '{n} kbit/s', cpLastFrame: 'Last picture', cpSecondsAgo: '{n} s ago', cpMinutesAgo: '{n} min ago',
      cpNoFrame: 'No picture received yet', cpPicture: 'Resolution, codec', cpReconnects: 'Reconnects',
      cpLate: 'Pictures analysed late (over 0.2 s)',
      cpGateway: 'Gateway', cpNoStats: 'No gateway has reported this camera\'s stream yet.',
      cpStale: 'Old figures: the gateway has not reported for {n} s (link down or gateway stopped).',
      cpHealth: 'Health over the last 7 days', cpUptime: 'Uptime: {p}', cpUptimeKnown: '({p} of the time its status is known)',
      cpUptimeNone: 'No status known in the last 7 days.', cpHistory: 'Status changes',
      cpNoHistory: 'No change in the last 7 days.', cpTruncated: 'Only the latest {n} are shown.',
      cpBarLabel: 'Status over time, last 7 days', cpNotFound: 'There is no camera {id}.',
      cpLoadFailed: 'Could not load the camera\'s data, trying again…', cpOpen: 'Open the camera page of {id}',
      cpTopics: 'Events the camera reports', cpTopicsRead: 'Read from the camera', cpTopicsReading: 'Asking the camera…',
      cpTopicsHint: 'Read through the commune\'s gateway, only on request, to spare the link.',
      cpTopicsNone: 'The camera reports no event topics.', cpTopicsFailed: 'Could not read the topic list: {m}',
      cpTopicsCount: '{n} topics', cpTopicState: 'state', cpTopicEvent: 'event'
    }
  };
  const t = key => App.t(key);
  const el = (...args) => App.el(...args);
  const fill = (text, values) => text.replace(/\{(\w+)}/g, (m, k) => values[k] == null ? '' : values[k]);
  const number = (value, digits) => new Intl.NumberFormat(App.lang() === 'vi' ? 'vi-VN' : 'en-GB',
    { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
  const percent = share => number(share * 100, 1) + ' %';
  const path = suffix => '/api/cameras/' + encodeURIComponent(cameraId) + suffix;

  /** A definition list of [key, value node or text, id] rows; values are server data (data-raw). */
  function rows(list) {
    return el('dl', {}, ...list.flatMap(([key, value, id]) => [
      el('dt', { 'data-i18n': key, text: t(key) }),
      typeof value === 'string' || value == null ? el('dd', { id, 'data-raw': true, text: value || '—' }) : el('dd', { id }, value)]));
  }

  function ago(millis) {
    const seconds = Math.round(millis / 1000);
    return seconds < 120 ? fill(t('cpSecondsAgo'), { n: seconds }) : fill(t('cpMinutesAgo'), { n: Math.round(seconds / 60) });
  }

  function drawIdentity() {
    if (!camera) {
      identity.replaceChildren();
      statusBox.replaceChildren();
      return;
    }
    const r = camera.registration;
    identity.replaceChildren(...[el('h3', { id: 'camera-page-name', 'data-raw': true, text: camera.name }), rows([
      ['cpId', camera.id],
      ['commune', camera.commune, 'camera-page-commune'],
      ['cpModel', r ? [r.manufacturer, r.model].filter(Boolean).join(' ') : null, 'camera-page-model'],
      ['cpFirmware', r ? r.firmware : null, 'camera-page-firmware'],
      ['cpAddress', r ? r.deviceService || r.subStream : null, 'camera-page-address'],
      ['cpPosition', camera.latitude == null ? null : number(camera.latitude, 5) + ', ' + number(camera.longitude, 5)]]),
      r ? null : el('p', { class: 'empty', 'data-i18n': 'cpNotOnboarded', text: t('cpNotOnboarded') }),
      // its recording, kept at the commune's gateway
      App.hooks.playbackHref ? el('a', { id: 'camera-page-playback', class: 'button', href: App.hooks.playbackHref(camera.id),
        'data-i18n': 'pbPlayback', text: t('pbPlayback') }) : null].filter(Boolean));
    statusBox.replaceChildren(el('h3', { 'data-i18n': 'cpStatusNow', text: t('cpStatusNow') }),
      el('p', { id: 'camera-page-status', class: 'camera-page-status status-' + camera.status.toLowerCase(),
        'data-status': camera.status }, el('span', { class: 'swatch' }),
      el('span', { 'data-i18n': camera.status, text: t(camera.status) })),
      rows([['cpSince', camera.statusSince ? App.formatTime(camera.statusSince) : null],
        ['cpReason', camera.statusReason, 'camera-page-reason']]));
  }

  function drawStats() {
    const s = stats;
    staleNote.hidden = !(s && s.reported && s.stale);
    if (s && s.stale) staleNote.textContent = fill(t('cpStale'), { n: Math.round(s.ageMillis / 1000) });
    statsBox.dataset.stale = s && s.reported ? String(s.stale) : '';
    if (!s || !s.reported) {
      statsBox.replaceChildren(el('p', { class: 'empty', 'data-i18n': 'cpNoStats', text: t('cpNoStats') }));
      return;
    }
    const picture = [s.width && s.height ? s.width + '×' + s.height : null, s.codec ? s.codec.toUpperCase() : null]
      .filter(Boolean).join(', ');
    statsBox.replaceChildren(rows([
      ['cpFps', number(s.framesPerSecond, 1), 'camera-page-fps'],
      ['cpBitrate', fill(t('cpKbps'), { n: number(s.bitsPerSecond / 1000, 0) }), 'camera-page-bitrate'],
      ['cpLastFrame', s.lastFrameAgeMillis == null ? t('cpNoFrame') : ago(s.lastFrameAgeMillis), 'camera-page-last-frame'],
      ['cpPicture', picture || null, 'camera-page-picture'],
      ['cpReconnects', String(s.reconnects), 'camera-page-reconnects'],
      ['cpLate', String(s.lateFrames || 0), 'camera-page-late'],
      ['cpGateway', s.gateway]]));
    statsBox.querySelector('#camera-page-fps').dataset.fps = String(s.framesPerSecond);
  }

  /** The week as one bar: a rectangle per status period, a tick at each day. */
  function drawBar() {
    const from = Date.parse(health.from), span = Date.parse(health.to) - from;
    const x = iso => Math.max(0, Math.min(1000, (Date.parse(iso) - from) / span * 1000));
    const ticks = [];
    for (let d = 1; d < health.days; d++) ticks.push(el('line', { class: 'tick', x1: d * 1000 / health.days, x2: d * 1000 / health.days, y1: 0, y2: 30 }));
    bar.replaceChildren(...health.segments.map(s => el('rect', {
      class: 'segment status-' + s.status.toLowerCase(), 'data-status': s.status,
      // at least 3 of 1000 units (a few pixels), so a short outage in a week still shows
      x: Math.min(x(s.from), 997), width: Math.max(3, x(s.to) - x(s.from)), y: 0, height: 30
    }, el('title', { text: t(s.status) + ': ' + App.formatTime(s.from) + ' – ' + App.formatTime(s.to) }))), ...ticks);
  }

  function drawHealth() {
    if (!health) {
      uptimeLine.textContent = '';
      barEnds.replaceChildren();
      history.replaceChildren();
      bar.replaceChildren();
      return;
    }
    uptimeLine.textContent = health.uptimeOfKnown == null ? t('cpUptimeNone')
      : fill(t('cpUptime'), { p: percent(health.uptime) })
        + (health.unknownSeconds > 0 ? ' ' + fill(t('cpUptimeKnown'), { p: percent(health.uptimeOfKnown) }) : '');
    uptimeLine.dataset.uptime = health.uptime == null ? '' : String(health.uptime);
    drawBar();
    barEnds.replaceChildren(el('span', { text: App.formatTime(health.from) }), el('span', { text: App.formatTime(health.to) }));
    const items = health.entries.map(e => el('li', { 'data-type': e.type, 'data-status': e.status || '' },
      el('time', { datetime: e.at, text: App.formatTime(e.at) }), ' ',
      // a status change says its new status (a DEGRADED picture comes as CAMERA_OFFLINE); a tamper report its kind
      e.status ? el('strong', { class: 'status-' + e.status.toLowerCase(), 'data-i18n': e.status, text: t(e.status) })
        : el('strong', { class: 'tamper', 'data-i18n': e.type, text: t(e.type) }),
      e.reason ? el('span', { class: 'reason', 'data-raw': true, text: ' — ' + e.reason }) : null));
    history.replaceChildren(...(items.length ? items : [el('li', { class: 'empty', 'data-i18n': 'cpNoHistory', text: t('cpNoHistory') })]));
    if (health.truncated) history.append(el('li', { class: 'empty', text: fill(t('cpTruncated'), { n: health.entries.length }) }));
  }

  /** The camera's own topic list, as it answered GetEventProperties: read on request only. */
  function drawTopics() {
    topicsButton.disabled = !camera || !camera.registration;
    if (topicsError) {
      topicsNote.className = 'message bad';
      topicsNote.textContent = fill(t('cpTopicsFailed'), { m: topicsError });
    } else {
      topicsNote.className = 'empty';
      topicsNote.textContent = topics == null ? t('cpTopicsHint')
        : topics.length ? fill(t('cpTopicsCount'), { n: topics.length }) : t('cpTopicsNone');
    }
    topicsList.replaceChildren(...(topics || []).map(topic => el('li', { 'data-topic': topic.topic },
      el('code', { 'data-raw': true, text: topic.topic }), ' ',
      el('span', { class: 'badge', 'data-i18n': topic.property ? 'cpTopicState' : 'cpTopicEvent',
        text: t(topic.property ? 'cpTopicState' : 'cpTopicEvent') }),
      topic.dataItems.length ? el('span', { class: 'reason', 'data-raw': true, text: ' — ' + topic.dataItems.join(', ') }) : null)));
  }

  function readTopics() {
    const id = cameraId;
    topicsButton.disabled = true;
    topicsError = null;
    topicsNote.className = 'empty';
    topicsNote.textContent = t('cpTopicsReading');
    App.api(path('/topics')).then(list => {
      if (id !== cameraId) return;
      topics = list;
    }).catch(error => {
      if (id !== cameraId) return;
      topicsError = error && error.message ? error.message : String(error);
    }).finally(() => { if (id === cameraId) drawTopics(); });
  }

  /** The PTZ and imaging parts, made again only when the camera (or whether it has PTZ) changes. */
  function drawParts() {
    const id = camera && camera.registration ? camera.id : null;
    const ptz = !!(id && camera.registration.ptz);
    const key = id && id + (ptz ? ' ptz' : '');
    if (key === partsFor) return;
    partsFor = key;
    ptzPart = ptz ? App.cameraPtz.ptzPanel(id) : null;
    imagingPart = id ? App.cameraPtz.imagingPanel(id) : null;
    parts.replaceChildren(...[ptzPart, imagingPart].filter(Boolean).map(p => p.node));
  }

  function fillSelect() {
    select.replaceChildren(el('option', { value: '', 'data-i18n': 'cpChoose', text: t('cpChoose') }),
      ...cameras.map(c => el('option', { value: c.id, 'data-raw': true, text: c.id + ' — ' + c.name + ' (' + c.commune + ')' })));
    select.value = cameraId || '';
  }

  /** A camera that does not exist (or not for this user) is not asked for again; anything else is retried. */
  function fail(error) {
    notFound = !!(error && error.message && error.message.endsWith(': 404'));
    message.hidden = false;
    message.textContent = notFound ? fill(t('cpNotFound'), { id: cameraId }) : t('cpLoadFailed');
  }

  const goOn = () => visible && cameraId && !notFound;

  function loadCamera() {
    const id = cameraId;
    return Promise.all([App.api(path('')), App.api(path('/health?days=' + DAYS))]).then(([c, h]) => {
      if (id !== cameraId) return;
      camera = c;
      health = h;
      message.hidden = true;
      drawIdentity();
      drawHealth();
      drawTopics();
      drawParts();
    });
  }

  function loadStats() {
    const id = cameraId;
    return App.api(path('/stream-stats')).then(s => {
      if (id !== cameraId) return;
      stats = s;
      drawStats();
    });
  }

  function stopTimers() {
    clearTimeout(statsTimer);
    clearTimeout(healthTimer);
  }

  // each loop waits for its answer before the next call: a slow link never stacks requests
  function statsLoop() {
    loadStats().catch(fail).finally(() => { if (goOn()) statsTimer = setTimeout(statsLoop, STATS_EVERY_MS); });
  }

  function healthLoop() {
    loadCamera().catch(fail).finally(() => { if (goOn()) healthTimer = setTimeout(healthLoop, HEALTH_EVERY_MS); });
  }

  function open(id) {
    stopTimers();
    cameraId = id || null;
    camera = stats = health = topics = topicsError = null;
    partsFor = null;
    parts.replaceChildren();
    notFound = false;
    message.hidden = true;
    drawIdentity();
    drawStats();
    drawHealth();
    drawTopics();
    if (select.options.length) select.value = cameraId || '';
    if (!cameraId) return;
    statsLoop();
    healthLoop();
  }

  App.registerPage({
    id: 'camera', navKey: 'navCamera', roles: ['ADMIN', 'OPERATOR', 'TECHNICIAN'], nav: false,
    messages: { vi: Object.assign({}, messages.vi, App.cameraPtz.messages.vi), en: Object.assign({}, messages.en, App.cameraPtz.messages.en) },
    render(section) {
      select = el('select', { id: 'camera-page-select', 'data-i18n-label': 'cpChoose', 'aria-label': t('cpChoose'),
        onchange: () => { if (select.value) location.hash = '#/camera/' + encodeURIComponent(select.value); } });
      message = el('p', { id: 'camera-page-message', class: 'message bad', role: 'status', hidden: true });
      identity = el('div', { id: 'camera-page-identity', class: 'camera-details' });
      statusBox = el('div', { id: 'camera-page-state', class: 'camera-details' });
      statsBox = el('div', { id: 'camera-page-stats', 'aria-live': 'off' });
      staleNote = el('p', { id: 'camera-page-stale', class: 'message bad', hidden: true });
      uptimeLine = el('p', { id: 'camera-page-uptime', class: 'camera-page-uptime' });
      bar = el('svg', { id: 'camera-page-bar', class: 'camera-page-bar', viewBox: '0 0 1000 30', preserveAspectRatio: 'none',
        role: 'img', 'data-i18n-label': 'cpBarLabel', 'aria-label': t('cpBarLabel') });
      barEnds = el('div', { class: 'camera-page-bar-ends' });
      const legend = el('ul', { class: 'legend' }, ...['ONLINE', 'DEGRADED', 'UNAUTHORIZED', 'OFFLINE', 'UNKNOWN'].map(s =>
        el('li', { class: 'status-' + s.toLowerCase() }, el('span', { class: 'swatch' }), el('span', { 'data-i18n': s, text: t(s) }))));
      history = el('ol', { id: 'camera-page-history', class: 'timeline camera-page-history', reversed: true });
      topicsButton = el('button', { id: 'camera-page-topics-read', type: 'button', 'data-i18n': 'cpTopicsRead',
        text: t('cpTopicsRead'), onclick: readTopics });
      topicsNote = el('p', { id: 'camera-page-topics-note', class: 'empty', role: 'status' });
      topicsList = el('ul', { id: 'camera-page-topics', class: 'camera-page-topics' });
      parts = el('div', { id: 'camera-page-parts', class: 'camera-page-grid' });
      section.append(el('div', { class: 'inline-form' }, select), message,
        el('div', { class: 'camera-page-grid' }, identity, statusBox,
          el('div', { class: 'camera-details' }, el('h3', { 'data-i18n': 'cpStream', text: t('cpStream') }), staleNote, statsBox)),
        el('h3', { 'data-i18n': 'cpHealth', text: t('cpHealth') }), uptimeLine, bar, barEnds, legend,
        el('h4', { 'data-i18n': 'cpHistory', text: t('cpHistory') }), history,
        el('h3', { 'data-i18n': 'cpTopics', text: t('cpTopics') }), el('div', { class: 'inline-form' }, topicsButton),
        topicsNote, topicsList, parts);
      // a status change of this camera: read its status and history again (at most once a second)
      App.on('camera-event', e => {
        if (!visible || e.cameraId !== cameraId || reloadTimer) return;
        if (!e.status && !e.type.startsWith('CAMERA_TAMPER')) return;
        reloadTimer = setTimeout(() => { reloadTimer = null; loadCamera().catch(fail); }, 1000);
      });
    },
    show(rest) {
      visible = true;
      App.api('/api/cameras').then(list => { cameras = list; fillSelect(); });
      open(rest ? decodeURIComponent(rest) : cameraId);
    },
    hide() {
      visible = false;
      stopTimers();
    },
    onLanguage() {
      if (!select) return;
      fillSelect();
      drawIdentity();
      drawStats();
      drawHealth();
      drawTopics();
      if (ptzPart) ptzPart.draw();
      if (imagingPart) imagingPart.draw();
    }
  });

  /** Other pages link a camera id here: App.cameraLink('QL-01') is an <a> to its page. */
  App.cameraLink = (id, text) => el('a', { href: '#/camera/' + encodeURIComponent(id), class: 'camera-link', 'data-raw': true,
    title: fill(t('cpOpen'), { id }), text: text == null ? id : text });
})();
