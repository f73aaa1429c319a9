// Admins and technicians: every commune gateway, the communes it holds, its control link (connected,
// or silent since its last contact), what waits in its outbox and media queue, what it dropped, its
// version and cameras. Read again every few seconds while the page is shown.
(function () {
  'use strict';
  const EVERY_MS = 5000;
  let list, updated, timer = null, last = null, failed = false;

  const messages = {
    vi: {
      navGateways: 'Gateway các xã', gwIntro: 'Mỗi xã được lấy hình qua gateway giữ xã đó. Gateway gửi báo cáo 15 giây một lần.',
      gwCommunes: 'Các xã', gwNoCommunes: 'Không giữ xã nào (lấy hình các xã chưa có gateway)',
      gwLastContact: 'Liên lạc cuối', gwNever: 'Chưa bao giờ', gwConnectedSince: 'Kết nối từ', gwAddress: 'Địa chỉ',
      gwVersion: 'Phiên bản', gwOutbox: 'Sự kiện chờ gửi', gwOutboxValue: '{events} sự kiện ({size})',
      gwOutboxOldest: 'cũ nhất {time}', gwOutboxAlarm: 'vượt ngưỡng cảnh báo', gwMedia: 'Ảnh, đoạn phim chờ gửi',
      gwMediaValue: '{pending} tệp ({size})', gwDropped: 'Đã bỏ vì đầy', gwDroppedValue: '{events} sự kiện, {media} tệp',
      gwCameras: 'Camera', gwCamerasValue: 'đăng ký {registered}, đang lấy hình {pulling}', gwNoReport: 'Chưa có báo cáo',
      gwNone: 'Chưa đăng ký gateway nào.', gwUpdated: 'Cập nhật lúc {time}', gwUnreadable: 'Không đọc được trạng thái gateway.'
    },
    en: {
      navGateways: 'Commune gateways', gwIntro: "Each commune's cameras are reached through the gateway holding it. Gateways report every 15 seconds.",
      gwCommunes: 'Communes', gwNoCommunes: 'Holds no commune (serves the communes no gateway holds)',
      gwLastContact: 'Last contact', gwNever: 'Never', gwConnectedSince: 'Connected since', gwAddress: 'Address',
      gwVersion: 'Version', gwOutbox: 'Events waiting', gwOutboxValue: '{events} events ({size})',
      gwOutboxOldest: 'oldest {time}', gwOutboxAlarm: 'past its alarm', gwMedia: 'Snapshots and clips waiting',
      gwMediaValue: '{pending} files ({size})', gwDropped: 'Dropped when full', gwDroppedValue: '{events} events, {media} files',
      gwCameras: 'Cameras', gwCamerasValue: '{registered} registered, {pulling} pulled', gwNoReport: 'No report yet',
      gwNone: 'No gateway registered yet.', gwUpdated: 'Updated at {time}', gwUnreadable: 'The gateways could not be read.'
    }
  };
  const t = key => App.t(key);
  const el = (...args) => App.el(...args);
  const fill = (key, values) => t(key).replace(/\{(\w+)}/g, (m, k) => values[k] == null ? '' : values[k]);
  const number = n => Number(n).toLocaleString(App.lang() === 'vi' ? 'vi-VN' : 'en-GB');

  function size(bytes) {
    const units = ['B', 'kB', 'MB', 'GB'];
    let value = bytes, unit = 0;
    while (value >= 1000 && unit < units.length - 1) { value /= 1000; unit++; }
    return (unit === 0 ? number(value) : value.toLocaleString(App.lang() === 'vi' ? 'vi-VN' : 'en-GB',
      { maximumFractionDigits: 1 })) + ' ' + units[unit];
  }

  /** A label and its value; values built from server figures are marked raw (they are redrawn on a language switch). */
  function row(key, ...value) {
    return [el('dt', { 'data-i18n': key, text: t(key) }), el('dd', {}, ...value)];
  }

  const raw = text => el('span', { 'data-raw': true, text });
  const ours = key => el('span', { 'data-i18n': key, text: t(key) });

  function card(g) {
    const outbox = g.outbox, media = g.media;
    const rows = [
      row('gwCommunes', g.communes.length ? raw(g.communes.map(c => c.name).join(', ')) : ours('gwNoCommunes')),
      row('gwLastContact', g.lastContact ? el('time', { datetime: g.lastContact, 'data-raw': true, text: App.formatTime(g.lastContact) })
        : ours('gwNever')),
      g.connectedSince ? row('gwConnectedSince', el('time', { datetime: g.connectedSince, 'data-raw': true,
        text: App.formatTime(g.connectedSince) })) : [],
      g.remoteAddress ? row('gwAddress', raw(g.remoteAddress)) : [],
      g.version ? row('gwVersion', raw(g.version)) : [],
      row('gwOutbox', outbox ? [raw(fill('gwOutboxValue', { events: number(outbox.events), size: size(outbox.bytes) })),
        outbox.oldestPending ? [', ', raw(fill('gwOutboxOldest', { time: App.formatTime(outbox.oldestPending) }))] : null,
        outbox.alarm ? [' · ', el('strong', { class: 'gateway-alarm', 'data-i18n': 'gwOutboxAlarm', text: t('gwOutboxAlarm') })] : null]
        : ours('gwNoReport')),
      row('gwMedia', media ? raw(fill('gwMediaValue', { pending: number(media.pending), size: size(media.bytes) })) : ours('gwNoReport')),
      outbox ? row('gwDropped', el('span', { 'data-raw': true, class: outbox.dropped || media.dropped ? 'gateway-alarm' : null,
        text: fill('gwDroppedValue', { events: number(outbox.dropped), media: number(media.dropped) }) })) : [],
      row('gwCameras', raw(fill('gwCamerasValue', { registered: number(g.cameras.registered),
        pulling: g.cameras.pulling == null ? '–' : number(g.cameras.pulling) })))
    ];
    return el('li', { class: 'gateway-card gateway-' + g.state.toLowerCase(), 'data-gateway': g.name },
      el('h3', {}, el('span', { class: 'gateway-name', 'data-raw': true, text: g.name }), ' ', App.gatewayState.badge(g)),
      el('dl', {}, ...rows.flat(2)));
  }

  function draw() {
    if (!list) return;
    if (failed && !last) {
      list.replaceChildren(el('li', { class: 'empty', 'data-i18n': 'gwUnreadable', text: t('gwUnreadable') }));
      return;
    }
    if (!last) return;
    list.replaceChildren(...(last.gateways.length ? last.gateways.map(card)
      : [el('li', { class: 'empty', 'data-i18n': 'gwNone', text: t('gwNone') })]));
    updated.replaceChildren(raw(fill('gwUpdated', { time: App.formatTime(last.at) })));
    updated.classList.toggle('stale', failed);
  }

  function refresh() {
    clearTimeout(timer);
    App.api('/api/gateways/status').then(status => { last = status; failed = false; })
      .catch(() => { failed = true; })
      .finally(() => {
        draw();
        if (timer !== null) timer = setTimeout(refresh, EVERY_MS);
      });
  }

  App.registerPage({
    id: 'gateways', navKey: 'navGateways', roles: ['ADMIN', 'TECHNICIAN'], messages,
    render(section) {
      list = el('ul', { class: 'gateway-list', id: 'gateway-list' });
      updated = el('p', { class: 'gateway-updated', id: 'gateways-updated', role: 'status' });
      section.append(el('p', { class: 'empty', 'data-i18n': 'gwIntro', text: t('gwIntro') }), updated, list);
    },
    show() {
      timer = 0;
      refresh();
    },
    hide() {
      clearTimeout(timer);
      timer = null;
    },
    onLanguage() {
      draw();
    }
  });
})();
