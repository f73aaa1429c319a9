// The login page: the form posts to /login with the CSRF token the server left in a cookie.
(function () {
  'use strict';
  const params = new URLSearchParams(location.search);
  let lang = localStorage.getItem('lang') === 'en' ? 'en' : 'vi';
  const t = key => (MESSAGES[lang] && MESSAGES[lang][key]) || key;

  function applyLanguage() {
    document.documentElement.lang = lang;
    document.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
    document.querySelectorAll('[data-i18n-label]').forEach(el => el.setAttribute('aria-label', t(el.dataset.i18nLabel)));
    document.getElementById('lang').textContent = t('otherLanguage');
    document.getElementById('lang').lang = lang === 'vi' ? 'en' : 'vi'; // the other language's name, in that language
    document.title = 'Canh Gác — ' + t('signIn');
    const locked = params.get('locked');
    const lockedText = document.getElementById('locked');
    lockedText.hidden = locked !== 'account' && locked !== 'address';
    if (!lockedText.hidden) {
      lockedText.dataset.locked = locked;
      lockedText.textContent = t(locked === 'account' ? 'loginLockedAccount' : 'loginLockedAddress')
        .replace('{minutes}', String(Number(params.get('minutes')) || 15));
    }
  }

  document.getElementById('lang').addEventListener('click', () => {
    lang = lang === 'vi' ? 'en' : 'vi';
    localStorage.setItem('lang', lang);
    applyLanguage();
  });
  document.getElementById('login').addEventListener('submit', () => {
    document.getElementById('csrf').value = csrfToken();
  });

  document.getElementById('error').hidden = !params.has('error');
  document.getElementById('logged-out').hidden = !params.has('logout');
  applyLanguage();
})();
