// The registry's discovery: a unicast sweep of a commune's network, run by the gateway holding that
// commune, with its progress and the devices found (each one a click away from the onboarding form).
// registry.js places it on its page; loaded before it.
(function () {
  'use strict';
  const t = key => App.t(key);
  const el = (...args) => App.el(...args);

  /** @param page {headers(keys), showProblem(target, error), filled(key, values), prefill(device)} from registry.js */
  App.registrySweep = function (page) {
    let timer = null;
    const commune = el('select', { name: 'communeId', id: 'sweep-communeId' });
    const form = el('form', { id: 'sweep-form', class: 'inline-form', onsubmit: start },
      el('label', { class: 'field' }, el('span', { 'data-i18n': 'sweepCommune', text: t('sweepCommune') }), commune),
      el('label', { class: 'field' }, el('span', { 'data-i18n': 'sweepRange', text: t('sweepRange') }),
        el('input', { name: 'range', id: 'sweep-range', required: true, autocomplete: 'off' })),
      el('button', { type: 'submit', 'data-i18n': 'sweep', text: t('sweep') }));
    const progress = el('progress', { id: 'sweep-progress', value: '0', max: '1' });
    const status = el('p', { id: 'sweep-status', role: 'status', 'data-raw': true });
    const found = el('tbody', { id: 'found-cameras' });

    /** @param communes [[id, name]] of the registry and the gateways */
    function setCommunes(communes) {
      const chosen = commune.value;
      commune.replaceChildren(el('option', { value: '', 'data-i18n': 'sweepNoCommune', text: t('sweepNoCommune') }),
        ...communes.map(([id, name]) => el('option', { value: id, 'data-raw': true, text: name })));
      commune.value = chosen;
    }

    function draw(sweep) {
      progress.max = Math.max(sweep.total, 1);
      progress.value = sweep.done;
      const state = { RUNNING: 'sweeping', DONE: 'sweepDone', FAILED: 'sweepFailed' }[sweep.state];
      status.className = '';
      status.replaceChildren(el('span', { 'data-i18n': state, text: t(state) }), ': ',
        page.filled('probed', { done: sweep.done, total: sweep.total, found: sweep.found }), sweep.error ? ' (' + sweep.error + ')' : '');
      found.replaceChildren(...sweep.devices.map(d => el('tr', { 'data-address': d.address },
        el('td', { 'data-raw': true, text: d.address }), el('td', { 'data-raw': true, text: d.name || '' }),
        el('td', { 'data-raw': true, text: [d.manufacturer, d.hardware].filter(Boolean).join(' ') }),
        el('td', { 'data-raw': true, text: d.location || '' }),
        el('td', {}, d.registeredCameraId
          ? el('span', {}, el('span', { 'data-i18n': 'registeredAs', text: t('registeredAs') }), ': ',
            el('span', { 'data-raw': true, text: d.registeredCameraId }))
          : el('button', { type: 'button', class: 'small', 'data-i18n': 'onboardThis', text: t('onboardThis'),
            onclick: () => page.prefill(d, commune.value) })))));
    }

    function follow(id) {
      clearTimeout(timer);
      App.api('/api/discovery/sweeps/' + id).then(sweep => {
        draw(sweep);
        if (sweep.state === 'RUNNING') timer = setTimeout(() => follow(id), 500);
      });
    }

    function start(event) {
      event.preventDefault();
      status.textContent = '';
      const body = { range: form.elements.range.value };
      if (commune.value) body.communeId = commune.value;
      App.post('/api/discovery/sweeps', body)
        .then(sweep => { draw(sweep); follow(sweep.id); })
        // a gateway away or a bad range: our words for a known problem, the server's detail after them
        .catch(e => page.showProblem(status, e));
    }

    return {
      nodes: [el('h3', { 'data-i18n': 'discovery', text: t('discovery') }), form, progress, status,
        el('table', { class: 'found' }, page.headers(['address', 'cameraName', 'model', 'location', 'registeredAs']), found)],
      setCommunes
    };
  };

  App.registrySweep.messages = {
    vi: {
      discovery: 'Dò tìm camera', sweepRange: 'Dải địa chỉ (ví dụ 10.1.2.1-10.1.2.254)', sweepCommune: 'Mạng của xã',
      sweepNoCommune: '(gateway duy nhất của huyện)', sweep: 'Dò tìm', sweeping: 'Đang dò', sweepDone: 'Xong',
      sweepFailed: 'Lỗi khi dò', probed: 'Đã hỏi {done}/{total} địa chỉ, thấy {found} camera'
    },
    en: {
      discovery: 'Find cameras', sweepRange: 'Address range (e.g. 10.1.2.1-10.1.2.254)', sweepCommune: "Commune's network",
      sweepNoCommune: "(the district's only gateway)", sweep: 'Search', sweeping: 'Searching', sweepDone: 'Done',
      sweepFailed: 'Search failed', probed: 'Asked {done} of {total} addresses, found {found} cameras'
    }
  };
})();
