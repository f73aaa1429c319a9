// One's own password: reached from the header, or forced after signing in with a password an admin
// set (the server sends every page here until it is changed). The rules shown are the server's.
(function () {
  'use strict';
  let lang = localStorage.getItem('lang') === 'en' ? 'en' : 'vi';
  let problem = null;
  const t = key => (MESSAGES[lang] && MESSAGES[lang][key]) || key;
  const byId = id => document.getElementById(id);

  function applyLanguage() {
    document.documentElement.lang = lang;
    document.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
    document.querySelectorAll('[data-i18n-label]').forEach(el => el.setAttribute('aria-label', t(el.dataset.i18nLabel)));
    byId('lang').textContent = t('otherLanguage');
    byId('lang').lang = lang === 'vi' ? 'en' : 'vi';
    document.title = 'Canh Gác — ' + t('changePassword');
    showProblem(problem);
  }

  function showProblem(key) {
    problem = key;
    byId('password-problem').hidden = !key;
    byId('password-problem').dataset.problem = key || '';
    byId('password-problem').textContent = key ? t(key) : '';
  }

  byId('lang').addEventListener('click', () => {
    lang = lang === 'vi' ? 'en' : 'vi';
    localStorage.setItem('lang', lang);
    applyLanguage();
  });

  byId('password-form').addEventListener('submit', e => {
    e.preventDefault();
    const next = byId('new-password').value;
    if (next !== byId('repeat-password').value) { showProblem('passwordsDiffer'); return; }
    showProblem(null);
    fetch('/api/me/password', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken() },
      body: JSON.stringify({ currentPassword: byId('current-password').value, newPassword: next })
    }).then(r => {
      if (r.status === 401) { location.assign('/login.html'); return; }
      if (r.ok) {
        byId('password-form').hidden = true;
        byId('must-change').hidden = true;
        byId('password-done').hidden = false;
        byId('back-to-app').hidden = false;
        byId('back-to-app').focus();
        return;
      }
      return r.json().catch(() => ({})).then(p => {
        const key = 'problem_' + (p.problem || '');
        showProblem(MESSAGES[lang][key] ? key : 'requestFailed');
      });
    }).catch(() => showProblem('requestFailed'));
  });

  fetch('/api/me', { headers: { Accept: 'application/json' } }).then(r => {
    if (r.status === 401) { location.assign('/login.html'); return null; }
    return r.json();
  }).then(me => {
    if (!me) return;
    byId('must-change').hidden = !me.mustChangePassword;
    byId('back-to-app').hidden = me.mustChangePassword;
    document.body.dataset.ready = 'true';
  });
  applyLanguage();
})();
