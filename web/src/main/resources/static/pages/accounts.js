// The IT officer's accounts: make one (its user changes the given password at the first login), change
// a role, commune or an operator's district, disable or enable, reset a password; and the login locks,
// which an admin lifts.
// Every change is audited by the server; a change of access signs the person out at once.
(function () {
  'use strict';
  const ROLES = ['ADMIN', 'OPERATOR', 'TECHNICIAN', 'COMMUNE_HEAD'];
  let body, lockBody, form, result, communes = [], districts = [], accounts = [], mode = 'create', target = null;

  const messages = {
    vi: {
      navAccounts: 'Tài khoản', acIntro: 'Mật khẩu bạn đặt ở đây chỉ dùng một lần: người dùng phải đổi ngay khi đăng nhập.',
      acUsername: 'Tên đăng nhập', acDisplayName: 'Họ tên', acRole: 'Vai trò', acCommune: 'Xã', acState: 'Tình trạng',
      acActions: 'Thao tác', acPassword: 'Mật khẩu tạm', acEnabled: 'Đang dùng', acDisabled: 'Đã khóa',
      acMustChange: 'chờ đổi mật khẩu', acEdit: 'Sửa', acDisable: 'Khóa tài khoản', acEnable: 'Mở lại',
      acReset: 'Đặt lại mật khẩu', acCreateTitle: 'Tạo tài khoản', acEditTitle: 'Sửa tài khoản {name}',
      acResetTitle: 'Đặt lại mật khẩu cho {name}', acCreate: 'Tạo', acSave: 'Lưu', acCancel: 'Hủy',
      acCreated: 'Đã tạo tài khoản {name}.', acSaved: 'Đã lưu {name}.', acDisabledDone: 'Đã khóa {name}; phiên làm việc của họ đã kết thúc.',
      acEnabledDone: 'Đã mở lại {name}.', acResetDone: 'Đã đặt lại mật khẩu của {name}; họ phải đổi khi đăng nhập.',
      acNoCommune: '—', acLocks: 'Đăng nhập đang bị khóa', acLockKind: 'Loại', acLockKey: 'Tên hoặc địa chỉ',
      acLockUntil: 'Đến', acRelease: 'Mở khóa', acNoLocks: 'Không có gì bị khóa.', lock_ACCOUNT: 'Tài khoản',
      lock_ADDRESS: 'Địa chỉ máy', acReleased: 'Đã mở khóa {name}.',
      problem_USERNAME_INVALID: 'Tên đăng nhập: 2–64 ký tự a–z, 0–9, dấu chấm, gạch dưới, gạch ngang.',
      problem_USERNAME_TAKEN: 'Tên đăng nhập này đã có.', problem_COMMUNE_REQUIRED: 'Lãnh đạo xã cần chọn một xã.',
      problem_DISPLAY_NAME_INVALID: 'Cần nhập họ tên (tối đa 100 ký tự).', problem_ROLE_REQUIRED: 'Cần chọn vai trò.',
      problem_ACCOUNT_SELF: 'Bạn không thể tự khóa tài khoản của mình.',
      problem_ACCOUNT_LAST_ADMIN: 'Phải còn ít nhất một quản trị viên đang dùng.',
      acDistrict: 'Huyện được xem', acWholeRegion: 'Toàn vùng',
      problem_DISTRICT_INVALID: 'Chỉ trực ban mới giới hạn theo huyện, và huyện phải có trong danh sách.'
    },
    en: {
      navAccounts: 'Accounts', acIntro: 'A password you set here is for one use: its user must change it at the first sign-in.',
      acUsername: 'Username', acDisplayName: 'Full name', acRole: 'Role', acCommune: 'Commune', acState: 'State',
      acActions: 'Actions', acPassword: 'One-time password', acEnabled: 'Enabled', acDisabled: 'Disabled',
      acMustChange: 'password change pending', acEdit: 'Edit', acDisable: 'Disable', acEnable: 'Enable',
      acReset: 'Reset password', acCreateTitle: 'New account', acEditTitle: 'Edit account {name}',
      acResetTitle: 'Reset the password of {name}', acCreate: 'Create', acSave: 'Save', acCancel: 'Cancel',
      acCreated: 'Account {name} created.', acSaved: '{name} saved.', acDisabledDone: '{name} disabled; their sessions have ended.',
      acEnabledDone: '{name} enabled again.', acResetDone: "{name}'s password reset; they must change it at sign-in.",
      acNoCommune: '—', acLocks: 'Locked sign-ins', acLockKind: 'Kind', acLockKey: 'Name or address',
      acLockUntil: 'Until', acRelease: 'Unlock', acNoLocks: 'Nothing is locked.', lock_ACCOUNT: 'Account',
      lock_ADDRESS: 'Computer address', acReleased: '{name} unlocked.',
      problem_USERNAME_INVALID: 'Username: 2–64 of a–z, 0–9, dot, underscore, hyphen.',
      problem_USERNAME_TAKEN: 'That username is taken.', problem_COMMUNE_REQUIRED: 'A commune head needs a commune.',
      problem_DISPLAY_NAME_INVALID: 'A full name is needed (100 characters at most).', problem_ROLE_REQUIRED: 'Choose a role.',
      problem_ACCOUNT_SELF: 'You cannot disable your own account.',
      problem_ACCOUNT_LAST_ADMIN: 'At least one enabled administrator must remain.',
      acDistrict: 'District seen', acWholeRegion: 'Whole region',
      problem_DISTRICT_INVALID: 'Only an operator may be limited to a district, one on the list.'
    }
  };
  const t = key => App.t(key);
  const el = (...args) => App.el(...args);
  const fill = (key, values) => t(key).replace(/\{(\w+)}/g, (m, k) => values[k] == null ? '' : values[k]);
  const ours = key => el('span', { 'data-i18n': key, text: t(key) });
  const communeName = id => (communes.find(c => c.id === id) || { name: id }).name;
  const districtName = id => (districts.find(d => d.id === id) || { name: id }).name;

  function say(key, name, ok) {
    result.className = 'result ' + (ok ? 'ok' : 'error');
    result.replaceChildren(el('span', { 'data-raw': true, 'data-fill': key, 'data-name': name, text: fill(key, { name }) }));
  }

  function showProblem(e) {
    const code = e.problem && e.problem.problem ? 'problem_' + e.problem.problem : null;
    result.className = 'result error';
    result.replaceChildren(code && MESSAGES[App.lang()][code] ? el('strong', { 'data-i18n': code, text: t(code) })
      : el('span', { 'data-i18n': 'requestFailed', text: t('requestFailed') }));
  }

  function button(key, cls, onclick) {
    return el('button', { type: 'button', class: 'small ' + cls, 'data-i18n': key, text: t(key), onclick });
  }

  function row(a) {
    const state = [ours(a.enabled ? 'acEnabled' : 'acDisabled')];
    if (a.mustChangePassword) state.push(' · ', ours('acMustChange'));
    return el('tr', { 'data-account': a.username, 'data-enabled': String(a.enabled) },
      el('td', { 'data-raw': true, text: a.username }), el('td', { 'data-raw': true, text: a.displayName }),
      el('td', {}, ours(a.role)), el('td', { 'data-raw': true, text: a.communeId ? communeName(a.communeId) : t('acNoCommune') }),
      el('td', { class: 'account-district' }, a.districtId ? el('span', { 'data-raw': true, text: districtName(a.districtId) })
        : a.role === 'OPERATOR' ? ours('acWholeRegion') : ours('acNoCommune')),
      el('td', { class: 'account-state' }, ...state),
      el('td', { class: 'account-actions' },
        button('acEdit', 'account-edit', () => open('edit', a)),
        a.enabled ? button('acDisable', 'account-disable', () => act(a, 'disable', 'acDisabledDone'))
          : button('acEnable', 'account-enable', () => act(a, 'enable', 'acEnabledDone')),
        button('acReset', 'account-reset', () => open('reset', a))));
  }

  function lockRow(l) {
    return el('tr', { 'data-lock': l.kind + ':' + l.key },
      el('td', {}, ours('lock_' + l.kind)), el('td', { 'data-raw': true, text: l.key }),
      el('td', {}, el('time', { datetime: l.lockedUntil, 'data-raw': true, text: App.formatTime(l.lockedUntil) })),
      el('td', {}, button('acRelease', 'lock-release', () => App.post('/api/lockouts/release', { kind: l.kind, key: l.key })
        .then(() => { say('acReleased', l.key, true); return load(); }).catch(showProblem))));
  }

  function empty(key, columns) {
    return el('tr', {}, el('td', { colspan: String(columns), class: 'empty', 'data-i18n': key, text: t(key) }));
  }

  function draw(locks) {
    body.replaceChildren(...accounts.map(row));
    lockBody.replaceChildren(...(locks.length ? locks.map(lockRow) : [empty('acNoLocks', 4)]));
  }

  function load() {
    return Promise.all([App.api('/api/accounts'), App.api('/api/lockouts')]).then(([list, locks]) => {
      accounts = list;
      draw(locks);
    });
  }

  function act(a, verb, doneKey) {
    App.post('/api/accounts/' + encodeURIComponent(a.username) + '/' + verb)
      .then(() => { say(doneKey, a.username, true); return load(); }).catch(showProblem);
  }

  function field(name, key, control) {
    control.name = name;
    control.id = 'account-' + name;
    return el('label', { class: 'field', 'data-field': name }, el('span', { 'data-i18n': key, text: t(key) }), control);
  }

  function buildForm() {
    const role = el('select', {}, ...ROLES.map(r => el('option', { value: r, 'data-i18n': r, text: t(r) })));
    const commune = el('select', {});
    const district = el('select', {});
    role.addEventListener('change', () => {
      commune.disabled = role.value !== 'COMMUNE_HEAD';
      district.disabled = role.value !== 'OPERATOR';
    });
    form = el('form', { id: 'account-form', class: 'onboard-form', onsubmit: e => { e.preventDefault(); submit(); } },
      el('h3', { id: 'account-form-title', 'data-raw': true }),
      field('username', 'acUsername', el('input', { autocomplete: 'off', required: true })),
      field('displayName', 'acDisplayName', el('input', { autocomplete: 'off' })),
      field('role', 'acRole', role),
      field('communeId', 'acCommune', commune),
      field('districtId', 'acDistrict', district),
      field('password', 'acPassword', el('input', { type: 'password', autocomplete: 'new-password', minlength: '12' })),
      el('p', { 'data-i18n': 'passwordRulesTitle', text: t('passwordRulesTitle') }),
      el('p', { class: 'password-rules' }, ...['passwordRuleLength', 'passwordRuleUsername', 'passwordRuleDistinct',
        'passwordRuleBytes'].flatMap(k => [ours(k), ' '])),
      el('div', { class: 'inline-form' },
        el('button', { type: 'submit', id: 'account-submit', class: 'primary' }),
        el('button', { type: 'button', id: 'account-cancel', 'data-i18n': 'acCancel', text: t('acCancel'), onclick: () => open('create') })));
    return form;
  }

  /** 'create' (every field), 'edit' (name, role, commune) or 'reset' (the password only) of account a. */
  function open(m, a) {
    mode = m;
    target = a || null;
    const f = form.elements;
    f.communeId.replaceChildren(...communes.map(c => el('option', { value: c.id, 'data-raw': true, text: c.name })));
    f.username.value = a ? a.username : '';
    f.username.readOnly = m !== 'create';
    f.displayName.value = a ? a.displayName : '';
    f.role.value = a ? a.role : 'COMMUNE_HEAD';
    f.communeId.value = a && a.communeId ? a.communeId : (communes[0] || {}).id || '';
    f.communeId.disabled = f.role.value !== 'COMMUNE_HEAD';
    f.districtId.replaceChildren(el('option', { value: '', 'data-i18n': 'acWholeRegion', text: t('acWholeRegion') }),
      ...districts.map(d => el('option', { value: d.id, 'data-raw': true, text: d.name + ' · ' + d.regionName })));
    f.districtId.value = a && a.districtId ? a.districtId : '';
    f.districtId.disabled = f.role.value !== 'OPERATOR';
    f.password.value = '';
    form.querySelectorAll('[data-field]').forEach(label => {
      const name = label.dataset.field;
      label.hidden = (m === 'edit' && name === 'password') || (m === 'reset' && !['username', 'password'].includes(name));
    });
    form.querySelectorAll('p').forEach(p => { p.hidden = m === 'edit'; });
    f.password.required = m !== 'edit';
    title();
    if (a) (m === 'reset' ? f.password : f.displayName).focus();
  }

  function title() {
    const key = { create: 'acCreateTitle', edit: 'acEditTitle', reset: 'acResetTitle' }[mode];
    form.querySelector('#account-form-title').textContent = fill(key, { name: target ? target.username : '' });
    const submitButton = form.querySelector('#account-submit');
    submitButton.dataset.i18n = mode === 'create' ? 'acCreate' : 'acSave';
    submitButton.textContent = t(submitButton.dataset.i18n);
  }

  function submit() {
    const f = form.elements;
    const name = f.username.value.trim();
    const profile = { displayName: f.displayName.value, role: f.role.value,
      communeId: f.role.value === 'COMMUNE_HEAD' ? f.communeId.value : null,
      districtId: f.role.value === 'OPERATOR' && f.districtId.value ? f.districtId.value : null };
    const path = '/api/accounts/' + encodeURIComponent(name);
    const call = mode === 'create' ? App.post('/api/accounts', Object.assign({ username: name, password: f.password.value }, profile))
      : mode === 'edit' ? App.put(path, profile) : App.post(path + '/password', { password: f.password.value });
    const done = { create: 'acCreated', edit: 'acSaved', reset: 'acResetDone' }[mode];
    call.then(() => { say(done, name, true); open('create'); return load(); }).catch(showProblem);
  }

  App.registerPage({
    id: 'accounts', navKey: 'navAccounts', roles: ['ADMIN'], messages,
    render(section) {
      body = el('tbody', { id: 'accounts-body' });
      lockBody = el('tbody', { id: 'lockouts-body' });
      result = el('p', { id: 'account-result', class: 'result', role: 'status' });
      const head = keys => el('thead', {}, el('tr', {}, ...keys.map(k => el('th', { scope: 'col', 'data-i18n': k, text: t(k) }))));
      section.append(el('p', { class: 'empty', 'data-i18n': 'acIntro', text: t('acIntro') }), buildForm(), result,
        el('div', { class: 'table-wrap' }, el('table', { id: 'accounts' },
          head(['acUsername', 'acDisplayName', 'acRole', 'acCommune', 'acDistrict', 'acState', 'acActions']), body)),
        el('h3', { 'data-i18n': 'acLocks', text: t('acLocks') }),
        el('div', { class: 'table-wrap' }, el('table', { id: 'lockouts' }, head(['acLockKind', 'acLockKey', 'acLockUntil', 'acActions']), lockBody)));
    },
    show() {
      Promise.all([App.api('/api/accounts/communes'), App.districts.load(true)]).then(([list, known]) => {
        communes = list;
        districts = known;
        if (!target) open('create');
        return load();
      }).catch(() => showProblem({}));
    },
    onLanguage() {
      if (form) title();
      document.querySelectorAll('#page-accounts [data-fill]').forEach(s => { s.textContent = fill(s.dataset.fill, { name: s.dataset.name }); });
      if (accounts.length) load();
    }
  });
})();
