// The region's districts and their communes as GET /api/districts gives them for the person's scope
// (a district operator sees only theirs). The live wall, the alert desk and the incident log show a
// commune's district and filter by district once there is more than one to tell apart. Loaded before them.
(function () {
  'use strict';
  const t = key => App.t(key);
  const el = (...args) => App.el(...args);
  let loading = null;
  let districts = [];
  const byCommune = new Map();
  const filters = [];

  function refill(select) {
    const chosen = select.value;
    select.replaceChildren(el('option', { value: '', 'data-i18n': 'allDistricts', text: t('allDistricts') }),
      ...districts.map(d => el('option', { value: d.id, 'data-raw': true, text: d.name + ' · ' + d.regionName })));
    select.value = districts.some(d => d.id === chosen) ? chosen : '';
    select.closest('label').hidden = districts.length < 2;
  }

  App.districts = {
    /** Read once a page load; {@code fresh} reads again (the accounts page, after an admin's change). */
    load(fresh) {
      if (!loading || fresh) {
        loading = App.api('/api/districts').then(regions => {
          districts = regions.flatMap(r => r.districts.map(d => Object.assign({ regionName: r.name }, d)));
          byCommune.clear();
          districts.forEach(d => d.communes.forEach(c => byCommune.set(c.id, d)));
          filters.forEach(refill);
          return districts;
        }).catch(() => { loading = null; return []; });
      }
      return loading;
    },
    list: () => districts,
    /** More than one district to tell apart: only then do pages name a commune's district. */
    several: () => districts.length > 1,
    nameOf: communeId => (byCommune.get(communeId) || {}).name || '',
    /** Whether a commune passes a filter's value ('' lets every commune through). */
    matches: (districtId, communeId) => !districtId || (byCommune.get(communeId) || {}).id === districtId,
    /** A labelled select of the districts, hidden while there is only one; onChange(districtId or ''). */
    filter(id, onChange) {
      const select = el('select', { id, onchange: () => onChange(select.value) });
      const label = el('label', { class: 'filter district-filter', hidden: true },
        el('span', { 'data-i18n': 'district', text: t('district') }), ' ', select);
      filters.push(select);
      refill(select);
      return label;
    }
  };
})();
