// How a commune gateway stands (its control link, or silent since its last contact), as the registry's
// list and the gateways page both show it; read from GET /api/gateways/status. Loaded before them.
(function () {
  'use strict';
  const t = key => App.t(key);
  const el = (...args) => App.el(...args);

  App.gatewayState = {
    /** The status route's gateways by name; an empty map for a role that may not read it. */
    load() {
      return App.api('/api/gateways/status').then(status => new Map(status.gateways.map(g => [g.name, g])))
        .catch(() => new Map());
    },

    /** A dot and a label: connected, reporting, silent since …, never heard from, revoked. */
    badge(gateway) {
      const key = 'gatewayState_' + gateway.state;
      const text = t(key).replace('{time}', App.formatTime(gateway.lastContact));
      return el('span', { class: 'gateway-state gateway-' + gateway.state.toLowerCase(), 'data-state': gateway.state },
        el('span', { class: 'dot', 'aria-hidden': 'true' }),
        // the time inside is server data; the words are redrawn with the page on a language switch
        el('span', { class: 'label', 'data-raw': gateway.state === 'SILENT' ? true : null, text }));
    }
  };
})();
