// A registered camera's ONVIF account, in the registry's camera editor: try the stored account, try a
// typed one without storing it, or store a typed one once the camera takes it. registry.js places it
// on its page; loaded before it.
(function () {
  'use strict';
  const t = key => App.t(key);
  const el = (...args) => App.el(...args);

  /** @param page {wide(node), editField(form, name, key, attrs), showOk(...), showProblem(...), reload()} from registry.js */
  App.registryAccount = function (page) {
    function form(c) {
      const r = c.registration;
      if (!r || !r.deviceService) {
        return el('p', { id: 'cred-result', class: 'result', 'data-i18n': 'credNeedsOnboarding', text: t('credNeedsOnboarding') });
      }
      const result = el('p', { id: 'cred-result', class: 'result', role: 'status' });
      const f = el('form', { id: 'camera-cred-form', class: 'onboard-form',
        onsubmit: e => { e.preventDefault(); tryAccount(c.id, 'new', f, result); } },
        page.wide(el('h4', { 'data-i18n': 'credTitle', text: t('credTitle') })),
        el('p', { 'data-i18n': 'credHint', text: t('credHint') }),
        page.editField('cred', 'username', 'username', { value: r.username || '' }),
        page.editField('cred', 'password', 'password', { type: 'password', autocomplete: 'new-password' }),
        page.wide(el('div', { class: 'inline-form' },
          el('button', { type: 'submit', id: 'cred-test', 'data-i18n': 'credTest', text: t('credTest') }),
          el('button', { type: 'button', id: 'cred-save', 'data-i18n': 'credSave', text: t('credSave'),
            onclick: () => tryAccount(c.id, 'store', f, result) }),
          el('button', { type: 'button', id: 'cred-test-stored', 'data-i18n': 'credTestStored', text: t('credTestStored'),
            disabled: !r.passwordStored && !r.username, onclick: () => tryAccount(c.id, 'stored', f, result) }))),
        page.wide(result));
      f.style.marginTop = '1rem';
      return f;
    }

    /** 'stored': the registry's account; 'new': the typed one, not stored; 'store': the typed one, stored if it works. */
    function tryAccount(id, mode, f, result) {
      const path = '/api/cameras/' + encodeURIComponent(id) + '/credentials';
      const account = { username: f.elements.username.value, password: f.elements.password.value };
      const buttons = [...f.querySelectorAll('button')];
      const wasDisabled = buttons.map(b => b.disabled);
      buttons.forEach(b => { b.disabled = true; });
      result.className = 'result';
      result.replaceChildren(el('span', { 'data-i18n': 'credTesting', text: t('credTesting') }));
      const call = mode === 'store' ? App.put(path, account) : App.post(path + '/test', mode === 'stored' ? null : account);
      call.then(answer => {
        if (mode === 'store') {
          f.elements.password.value = '';
          page.showOk(result, 'credSaved');
          return page.reload();
        }
        page.showOk(result, 'credOk', { model: [answer.manufacturer, answer.model].join(' ') });
      }).catch(e => page.showProblem(result, e))
        .finally(() => buttons.forEach((b, i) => { b.disabled = wasDisabled[i]; }));
    }

    return { form };
  };

  App.registryAccount.messages = {
    vi: {
      credTitle: 'Tài khoản ONVIF', credHint: 'Thử tài khoản trên camera. Chỉ lưu khi camera chấp nhận.',
      credTest: 'Thử tài khoản này', credTestStored: 'Thử tài khoản đã lưu', credSave: 'Thử và lưu',
      credTesting: 'Đang thử trên camera…', credOk: 'Camera chấp nhận tài khoản: {model}, luồng phụ xem được.',
      credSaved: 'Camera chấp nhận; đã lưu tài khoản mới (mã hoá).',
      credNeedsOnboarding: 'Camera này chưa được thêm qua ONVIF: hãy thêm nó ở trên trước khi thử tài khoản.'
    },
    en: {
      credTitle: 'ONVIF account', credHint: 'Try an account on the camera. It is stored only if the camera takes it.',
      credTest: 'Try this account', credTestStored: 'Try the stored account', credSave: 'Try and store',
      credTesting: 'Trying it on the camera…', credOk: 'The camera took the account: {model}, substream plays.',
      credSaved: 'The camera took it; the new account is stored (encrypted).',
      credNeedsOnboarding: 'This camera was not onboarded over ONVIF: onboard it above before trying an account.'
    }
  };
})();
