// Daily reports per commune: events per camera and type, camera uptime, drawn as bars (SVG, no
// chart library), with the server's CSV and PDF of the same report.
(function () {
  'use strict';
  let communeSelect, dateInput, summary, chart, body, csvLink, pdfLink;

  const messages = {
    vi: {
      navReports: 'Báo cáo', reportDate: 'Ngày', reportCommune: 'Xã', showReport: 'Xem báo cáo', uptime: 'Thời gian hoạt động',
      eventsCount: 'Số sự kiện', downloadCsv: 'Tải CSV', downloadPdf: 'Tải PDF', reportSummary: '{events} sự kiện, camera hoạt động {uptime}',
      uptimeChart: 'Thời gian hoạt động và số sự kiện theo camera', noReport: 'Không có dữ liệu cho ngày này.'
    },
    en: {
      navReports: 'Reports', reportDate: 'Day', reportCommune: 'Commune', showReport: 'Show report', uptime: 'Uptime',
      eventsCount: 'Events', downloadCsv: 'Download CSV', downloadPdf: 'Download PDF', reportSummary: '{events} events, cameras up {uptime}',
      uptimeChart: 'Uptime and events per camera', noReport: 'No data for this day.'
    }
  };
  const t = key => App.t(key);
  const el = (...args) => App.el(...args);
  const percent = v => v == null ? '–' : (v * 100).toFixed(1) + ' %';

  /** Today in Hồ Chí Minh, as yyyy-mm-dd (the browser's own zone may be another). */
  function today() {
    return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
  }

  function query() {
    const q = new URLSearchParams({ date: dateInput.value });
    if (communeSelect.value) q.set('commune', communeSelect.value);
    return q.toString();
  }

  function drawChart(report) {
    const rowH = 28, labelW = 190, barW = 320, gap = 40, width = labelW + 2 * barW + gap + 60;
    const maxEvents = Math.max(1, ...report.cameras.map(c => c.events));
    chart.setAttribute('viewBox', '0 0 ' + width + ' ' + (rowH * report.cameras.length + 30));
    chart.replaceChildren(
      el('text', { x: labelW, y: 14, class: 'chart-head', 'data-i18n': 'uptime', text: t('uptime') }),
      el('text', { x: labelW + barW + gap, y: 14, class: 'chart-head', 'data-i18n': 'eventsCount', text: t('eventsCount') }),
      ...report.cameras.map((c, i) => {
        const y = 24 + i * rowH;
        return el('g', { class: 'chart-row', 'data-camera': c.cameraId },
          el('text', { x: 0, y: y + 15, 'data-raw': true, text: c.cameraId + ' ' + c.camera }),
          el('rect', { x: labelW, y, width: (barW * (c.uptime || 0)).toFixed(1), height: rowH - 8, class: 'bar-uptime' }),
          el('text', { x: labelW + 4, y: y + 15, class: 'bar-label', text: percent(c.uptime) }),
          el('rect', { x: labelW + barW + gap, y, width: (barW * c.events / maxEvents).toFixed(1), height: rowH - 8,
            class: 'bar-events' }),
          el('text', { x: labelW + barW + gap + 4, y: y + 15, class: 'bar-label', text: String(c.events) }));
      }));
  }

  function show() {
    App.api('/api/reports/daily?' + query()).then(report => {
      summary.textContent = report.commune + ', ' + report.date + ': ' + t('reportSummary')
        .replace('{events}', report.events).replace('{uptime}', percent(report.uptime));
      drawChart(report);
      const types = [...new Set(report.cameras.flatMap(c => Object.keys(c.counts)))].sort();
      body.replaceChildren(el('tr', {}, el('th', { 'data-i18n': 'camera', text: t('camera') }),
        ...types.map(k => el('th', { 'data-i18n': k, text: t(k) })),
        el('th', { 'data-i18n': 'uptime', text: t('uptime') })),
        ...report.cameras.map(c => el('tr', {}, el('td', { 'data-raw': true, text: c.cameraId + ' ' + c.camera }),
          ...types.map(k => el('td', { text: String(c.counts[k] || 0) })), el('td', { text: percent(c.uptime) }))));
      csvLink.href = '/api/reports/daily.csv?' + query();
      pdfLink.href = '/api/reports/daily.pdf?' + query();
      csvLink.hidden = pdfLink.hidden = false;
    }).catch(() => {
      summary.textContent = t('noReport');
      chart.replaceChildren();
      body.replaceChildren();
      csvLink.hidden = pdfLink.hidden = true;
    });
  }

  App.registerPage({
    id: 'reports', navKey: 'navReports', messages,
    render(section) {
      communeSelect = el('select', { id: 'report-commune', 'data-i18n-label': 'reportCommune', 'aria-label': t('reportCommune') });
      dateInput = el('input', { id: 'report-date', type: 'date', value: today(), 'data-i18n-label': 'reportDate',
        'aria-label': t('reportDate') });
      summary = el('p', { id: 'report-summary', role: 'status', 'data-raw': true });
      chart = el('svg', { id: 'report-chart', class: 'report-chart', role: 'img', 'data-i18n-label': 'uptimeChart',
        'aria-label': t('uptimeChart') });
      body = el('tbody', { id: 'report-rows' });
      csvLink = el('a', { id: 'report-csv', class: 'button', hidden: true, 'data-i18n': 'downloadCsv', text: t('downloadCsv') });
      pdfLink = el('a', { id: 'report-pdf', class: 'button', hidden: true, 'data-i18n': 'downloadPdf', text: t('downloadPdf') });
      section.append(el('form', { class: 'inline-form', onsubmit: e => { e.preventDefault(); show(); } },
        communeSelect, dateInput, el('button', { type: 'submit', 'data-i18n': 'showReport', text: t('showReport') }),
        csvLink, pdfLink), summary, chart, el('div', { class: 'table-wrap' }, el('table', {}, body)));
    },
    show() {
      App.api('/api/cameras').then(cameras => {
        const communes = new Map(cameras.map(c => [c.communeId, c.commune]));
        const keep = communeSelect.value;
        communeSelect.replaceChildren(...[...communes].map(([id, name]) => el('option', { value: id, 'data-raw': true, text: name })));
        if (keep) communeSelect.value = keep;
        show();
      });
    }
  });
})();
