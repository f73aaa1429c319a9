// The shell: header (navigation for the user's role, live badge, sound, language, sign out), one
// <section> per page, the hash router and the one SSE stream the pages share. Pages live in
// pages/*.js and add themselves with App.registerPage; index.html loads them after this file.
(function () {
  'use strict';
  const ALL_ROLES = ['ADMIN', 'OPERATOR', 'TECHNICIAN', 'COMMUNE_HEAD'];
  const pages = [];
  const listeners = {};
  const missingKeys = new Set();
  const duplicateKeys = [];
  let lang = localStorage.getItem('lang') === 'en' ? 'en' : 'vi';
  let me = null;
  let connected = false;
  let current = null;

  function t(key) {
    const table = MESSAGES[lang];
    if (table && Object.prototype.hasOwnProperty.call(table, key)) return table[key];
    missingKeys.add(lang + ':' + key);
    return key;
  }

  // One formatter per language; the zone is fixed to the district's, not the browser's.
  const formatters = {};
  function formatTime(iso) {
    if (!iso) return '';
    if (!formatters[lang]) {
      formatters[lang] = new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
        timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit',
        hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false
      });
    }
    return formatters[lang].format(new Date(iso));
  }

  /** el('button', {class: 'small', 'data-i18n': 'x', onclick: fn}, child, 'text', ...) */
  function el(tag, attrs, ...children) {
    const svg = ['svg', 'g', 'circle', 'text', 'polygon', 'polyline', 'rect', 'title', 'line'].includes(tag);
    const node = svg ? document.createElementNS('http://www.w3.org/2000/svg', tag) : document.createElement(tag);
    Object.entries(attrs || {}).forEach(([name, value]) => {
      if (value == null || value === false) return;
      if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
      else if (name === 'text') node.textContent = value;
      else node.setAttribute(name, value === true ? '' : value);
    });
    children.flat().forEach(c => { if (c != null) node.append(c); });
    return node;
  }

  // The session may have ended (timeout, logout elsewhere, restart): back to the login page.
  function checkSignedIn(r) {
    if (r.status === 401) {
      location.assign('/login.html');
      throw new Error('signed out');
    }
    return r;
  }

  function api(path) {
    return fetch(path, { headers: { Accept: 'application/json' } }).then(checkSignedIn).then(r => {
      if (!r.ok) throw new Error(path + ': ' + r.status);
      return r.json();
    });
  }

  /**
   * A state-changing call with the CSRF header, its body JSON or a FormData; resolves to the JSON answer
   * (null for 204 No Content) or rejects with the server's problem detail.
   */
  function send(method, path, body) {
    const form = body instanceof FormData; // a file upload: the browser writes the multipart header itself
    const headers = { 'X-XSRF-TOKEN': csrfToken(), Accept: 'application/json' };
    if (!form) headers['Content-Type'] = 'application/json';
    return fetch(path, { method, headers, body: body == null ? null : form ? body : JSON.stringify(body) }).then(checkSignedIn).then(r => {
      if (r.status === 204) return null;
      if (r.ok) return r.json();
      // the server's problem detail (RFC 9457) says what is wrong: keep it for the page to show
      return r.json().catch(() => ({})).then(problem => {
        const error = new Error(problem.detail || path + ': ' + r.status);
        error.status = r.status;
        error.problem = problem;
        throw error;
      });
    });
  }

  const post = (path, body) => send('POST', path, body);
  const put = (path, body) => send('PUT', path, body);

  /** A data: URL of a CSV file: quoted cells, CRLF, a byte-order mark so a spreadsheet reads Vietnamese right. */
  function csvHref(header, rows) {
    const quote = v => '"' + String(v == null ? '' : v).replace(/"/g, '""') + '"';
    const text = '\ufeff' + [header.join(',')].concat(rows.map(row => row.map(quote).join(','))).join('\r\n') + '\r\n';
    return 'data:text/csv;charset=utf-8,' + encodeURIComponent(text);
  }

  /** Texts of the static markup: data-i18n (text), data-i18n-label (aria-label), data-i18n-title (title). */
  function translate(root) {
    root.querySelectorAll('[data-i18n]').forEach(n => { n.textContent = t(n.dataset.i18n); });
    root.querySelectorAll('[data-i18n-label]').forEach(n => n.setAttribute('aria-label', t(n.dataset.i18nLabel)));
    root.querySelectorAll('[data-i18n-title]').forEach(n => n.setAttribute('title', t(n.dataset.i18nTitle)));
  }

  function applyLanguage() {
    document.documentElement.lang = lang;
    translate(document);
    const switcher = document.getElementById('lang');
    switcher.textContent = t('otherLanguage');
    switcher.lang = lang === 'vi' ? 'en' : 'vi'; // the button names the other language, in that language
    setConnected(connected);
    sound.render();
    if (me) showUser();
    updateTitle();
    pages.forEach(p => { if (p.section && p.onLanguage) p.onLanguage(); });
  }

  function setConnected(value) {
    connected = value;
    const badge = document.getElementById('connection');
    badge.textContent = t(value ? 'connected' : 'disconnected');
    badge.className = 'badge ' + (value ? 'online' : 'offline');
  }

  function showUser() {
    const user = document.getElementById('user');
    user.textContent = me.displayName + ' · ' + t(me.role);
    user.dataset.role = me.role;
  }

  // A short two-tone beep from WebAudio (no sound file to fetch); muted state kept per browser.
  const sound = {
    muted: localStorage.getItem('muted') === 'true',
    played: 0,
    context: null,
    beep() {
      if (this.muted) return false;
      const AudioCtx = window.AudioContext || window.webkitAudioContext;
      if (!AudioCtx) return false;
      if (!this.context) this.context = new AudioCtx();
      if (this.context.state === 'suspended') this.context.resume();
      const now = this.context.currentTime;
      [0, 0.18].forEach((offset, i) => {
        const osc = this.context.createOscillator();
        const gain = this.context.createGain();
        osc.frequency.value = i === 0 ? 880 : 660;
        gain.gain.setValueAtTime(0.2, now + offset);
        gain.gain.exponentialRampToValueAtTime(0.001, now + offset + 0.15);
        osc.connect(gain).connect(this.context.destination);
        osc.start(now + offset);
        osc.stop(now + offset + 0.16);
      });
      this.played++;
      return true;
    },
    toggle() {
      this.muted = !this.muted;
      localStorage.setItem('muted', String(this.muted));
      this.render();
    },
    render() {
      const b = document.getElementById('sound');
      b.textContent = t(this.muted ? 'soundOff' : 'soundOn');
      b.setAttribute('aria-pressed', String(!this.muted));
    }
  };

  function allowed(page) {
    return me && page.roles.includes(me.role);
  }

  /**
   * A page: {id, navKey, roles, messages: {vi, en}, render(section), show(rest), hide(), onLanguage()}; nav: false
   * keeps it out of the navigation (a page reached by links, e.g. #/camera/ID).
   */
  function registerPage(page) {
    if (pages.some(p => p.id === page.id)) throw new Error('page registered twice: ' + page.id);
    page.roles = page.roles || ALL_ROLES;
    ['vi', 'en'].forEach(l => Object.entries((page.messages || {})[l] || {}).forEach(([key, text]) => {
      if (Object.prototype.hasOwnProperty.call(MESSAGES[l], key)) duplicateKeys.push(l + ':' + key + ' (' + page.id + ')');
      MESSAGES[l][key] = text;
    }));
    pages.push(page);
  }

  function buildNav() {
    const list = document.getElementById('nav-list');
    list.replaceChildren(...pages.filter(p => allowed(p) && p.nav !== false).map(p => el('li', {},
      el('a', { href: '#/' + p.id, 'data-page': p.id, id: 'nav-' + p.id },
        el('span', { 'data-i18n': p.navKey, text: t(p.navKey) }),
        el('span', { class: 'count', id: 'nav-count-' + p.id, hidden: true })))));
  }

  function buildSections() {
    const main = document.getElementById('main');
    pages.filter(allowed).forEach(p => {
      p.section = el('section', { id: 'page-' + p.id, class: 'page', 'data-page': p.id, hidden: true,
        'aria-labelledby': 'page-' + p.id + '-heading' },
        el('h2', { id: 'page-' + p.id + '-heading', tabindex: '-1', 'data-i18n': p.navKey, text: t(p.navKey) }));
      main.append(p.section);
      p.render(p.section);
    });
  }

  function updateTitle() {
    document.title = (current ? t(current.navKey) + ' — ' : '') + 'Canh Gác';
  }

  /**
   * #/map → the map page; #/incidents/ID → the incidents page, shown with "ID"; anything else (or a
   * page the role may not see) → the first allowed page.
   */
  function route(focusHeading) {
    const [, wanted, rest] = location.hash.match(/^#\/([\w-]+)(?:\/(.+))?/) || [];
    const visible = pages.filter(allowed);
    const page = visible.find(p => p.id === wanted) || visible[0];
    if (!page) return;
    if (current && current !== page && current.hide) current.hide();
    visible.forEach(p => { p.section.hidden = p !== page; });
    document.querySelectorAll('#nav-list a').forEach(a => {
      if (a.dataset.page === page.id) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
    });
    current = page;
    updateTitle();
    if (page.show) page.show(page.id === wanted ? rest : undefined);
    if (focusHeading) page.section.querySelector('h2').focus();
  }

  /** Pages listen to the shared stream: App.on('alert', fn), App.on('camera-event', fn). */
  function on(type, fn) {
    (listeners[type] = listeners[type] || []).push(fn);
  }

  let stream = null;
  let leaving = false;

  function openStream() {
    stream = new EventSource('/api/alerts/stream');
    stream.addEventListener('hello', () => setConnected(true));
    // away longer than the server replays (Last-Event-ID): what the page shows is stale, load it afresh
    stream.addEventListener('resync', () => location.reload());
    ['alert', 'camera-event'].forEach(type => stream.addEventListener(type, msg => {
      const data = JSON.parse(msg.data);
      (listeners[type] || []).forEach(fn => fn(data));
    }));
    stream.onerror = () => {
      setConnected(false);
      // signing out ends the session and so the stream: do not race the logout's own redirect
      if (leaving) return;
      api('/api/me').catch(() => {}); // a 401 there means the session is gone: checkSignedIn goes to the login page
    };
  }

  function setCount(pageId, count) {
    const badge = document.getElementById('nav-count-' + pageId);
    if (!badge) return;
    badge.hidden = !count;
    badge.textContent = count ? String(count) : '';
  }

  function start() {
    document.getElementById('lang').addEventListener('click', () => {
      lang = lang === 'vi' ? 'en' : 'vi';
      localStorage.setItem('lang', lang);
      applyLanguage();
    });
    document.getElementById('sound').addEventListener('click', () => sound.toggle());
    document.getElementById('logout').addEventListener('submit', () => {
      document.getElementById('csrf').value = csrfToken();
      leaving = true;
      if (stream) stream.close();
    });
    // the skip link moves focus without touching the hash the router reads
    document.getElementById('skip').addEventListener('click', e => {
      e.preventDefault();
      document.getElementById('main').focus();
    });
    applyLanguage();
    api('/api/me').then(user => {
      me = user;
      showUser();
      buildNav();
      buildSections();
      window.addEventListener('hashchange', () => route(true));
      route(false);
      openStream();
      document.body.dataset.ready = 'true';
    });
  }

  window.App = {
    registerPage, on, t, formatTime, el, api, post, put, csvHref, translate, setCount, sound,
    me: () => me,
    lang: () => lang,
    /** Alert desk people (operators, technicians, admins) handle alerts; commune heads follow them. */
    canHandleAlerts: () => !!me && me.role !== 'COMMUNE_HEAD',
    /**
     * Extension points other pages fill in when their back end exists:
     * openIncident(alert) — the incidents page; snapshotUrl(alert) — media, when an alert has no snapshotUrl.
     */
    hooks: {},
    /** For tests: keys asked for but missing, keys defined twice, and keys only one language has. */
    i18nReport() {
      const vi = Object.keys(MESSAGES.vi), en = Object.keys(MESSAGES.en);
      return {
        missing: [...missingKeys], duplicates: duplicateKeys.slice(),
        onlyVi: vi.filter(k => !en.includes(k)), onlyEn: en.filter(k => !vi.includes(k)), keys: vi.length
      };
    }
  };
  document.addEventListener('DOMContentLoaded', start);
})();
