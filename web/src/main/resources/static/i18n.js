// The strings every page shares, in Vietnamese (the default) and English. A page keeps its own strings
// in its module (App.registerPage({messages})); the shell merges them here and refuses a key defined twice.
const MESSAGES = {
  vi: {
    title: 'Trung tâm giám sát camera', liveEvents: 'Sự kiện trực tiếp', cameras: 'Camera',
    time: 'Thời gian', camera: 'Camera', commune: 'Xã', event: 'Sự kiện', score: 'Mức', status: 'Trạng thái',
    connected: 'Đang nhận trực tiếp', disconnected: 'Mất kết nối', otherLanguage: 'English',
    languageLabel: 'Đổi ngôn ngữ sang tiếng Anh',
    MOTION_START: 'Phát hiện chuyển động', MOTION_END: 'Hết chuyển động',
    CAMERA_ONLINE: 'Camera hoạt động', CAMERA_OFFLINE: 'Camera mất tín hiệu',
    CAMERA_MOTION_START: 'Camera báo chuyển động', CAMERA_MOTION_END: 'Camera hết chuyển động',
    CAMERA_TAMPER_START: 'Camera bị che/phá', CAMERA_TAMPER_END: 'Camera hết bị che',
    GATEWAY_SILENT: 'Gateway mất liên lạc', GATEWAY_OUTBOX: 'Gateway dồn sự kiện chưa gửi',
    gatewayState_CONNECTED: 'Đang kết nối', gatewayState_REACHABLE: 'Đang báo về, không có kênh điều khiển',
    gatewayState_SILENT: 'Mất liên lạc từ {time}', gatewayState_NEVER_SEEN: 'Chưa từng liên lạc',
    gatewayState_REVOKED: 'Đã thu hồi', gatewayShared: 'Gateway chung',
    district: 'Huyện', allDistricts: 'Mọi huyện',
    gatewaySharedHint: 'Không gateway nào giữ xã này: gateway chung của huyện lấy hình',
    problem_GATEWAY_UNAVAILABLE: 'Gateway của xã này đang mất kết nối với trung tâm nên không liên lạc được với camera. '
      + 'Kiểm tra nguồn điện và đường truyền của gateway ở xã rồi thử lại.',
    ONLINE: 'Hoạt động', OFFLINE: 'Mất tín hiệu', UNAUTHORIZED: 'Sai mật khẩu', DEGRADED: 'Suy giảm', UNKNOWN: 'Chưa rõ',
    signIn: 'Đăng nhập', signOut: 'Đăng xuất', username: 'Tên đăng nhập', password: 'Mật khẩu',
    loginFailed: 'Sai tên đăng nhập hoặc mật khẩu.', loggedOut: 'Đã đăng xuất.',
    ADMIN: 'Quản trị', OPERATOR: 'Trực ban', TECHNICIAN: 'Kỹ thuật', COMMUNE_HEAD: 'Lãnh đạo xã',
    alerts: 'Cảnh báo', state: 'Xử lý', OPEN: 'Chưa xử lý', ACKNOWLEDGED: 'Đã tiếp nhận', FALSE_POSITIVE: 'Báo nhầm',
    CLEARED: 'Đã tự hết',
    acknowledge: 'Tiếp nhận', falsePositive: 'Báo nhầm', addNote: 'Ghi chú', notePrompt: 'Ghi chú cho cảnh báo:',
    skipToContent: 'Bỏ qua, đến nội dung chính', mainNav: 'Các trang', soundOn: 'Chuông: bật', soundOff: 'Chuông: tắt',
    soundLabel: 'Chuông báo khi có cảnh báo mới', loading: 'Đang tải…', none: 'Chưa có gì.',
    requestFailed: 'Không thực hiện được, xin thử lại.',
    loginLockedAccount: 'Tài khoản này đang tạm khóa vì nhập sai mật khẩu nhiều lần. Thử lại sau {minutes} phút, hoặc nhờ quản trị viên mở khóa.',
    loginLockedAddress: 'Máy này đang tạm bị chặn đăng nhập vì nhập sai nhiều lần. Thử lại sau {minutes} phút, hoặc nhờ quản trị viên mở khóa.',
    changePassword: 'Đổi mật khẩu', currentPassword: 'Mật khẩu hiện tại', newPassword: 'Mật khẩu mới',
    repeatPassword: 'Nhập lại mật khẩu mới', savePassword: 'Lưu mật khẩu mới', backToApp: 'Quay lại trang chính',
    passwordMustChange: 'Quản trị viên đã đặt mật khẩu này cho bạn. Hãy chọn mật khẩu của riêng bạn trước khi tiếp tục.',
    passwordChanged: 'Đã đổi mật khẩu.', passwordsDiffer: 'Hai lần nhập mật khẩu mới không giống nhau.',
    passwordRulesTitle: 'Mật khẩu phải:', passwordRuleLength: 'dài từ 12 ký tự trở lên (một câu dễ nhớ là tốt nhất);',
    passwordRuleUsername: 'không chứa tên đăng nhập;', passwordRuleDistinct: 'có ít nhất 5 ký tự khác nhau;',
    passwordRuleBytes: 'không quá 72 byte (mỗi chữ có dấu tính 2–3 byte).',
    problem_PASSWORD_TOO_SHORT: 'Mật khẩu phải dài từ 12 ký tự trở lên.',
    problem_PASSWORD_TOO_LONG: 'Mật khẩu dài quá 72 byte.',
    problem_PASSWORD_HAS_USERNAME: 'Mật khẩu không được chứa tên đăng nhập (kể cả mật khẩu mẫu của bản demo).',
    problem_PASSWORD_TOO_SIMPLE: 'Mật khẩu quá đơn giản: cần ít nhất 5 ký tự khác nhau.',
    problem_PASSWORD_UNCHANGED: 'Mật khẩu mới phải khác mật khẩu hiện tại.',
    problem_CURRENT_PASSWORD_WRONG: 'Mật khẩu hiện tại không đúng.'
  },
  en: {
    title: 'Camera operations centre', liveEvents: 'Live events', cameras: 'Cameras',
    time: 'Time', camera: 'Camera', commune: 'Commune', event: 'Event', score: 'Score', status: 'Status',
    connected: 'Live', disconnected: 'Disconnected', otherLanguage: 'Tiếng Việt',
    languageLabel: 'Switch the language to Vietnamese',
    MOTION_START: 'Motion detected', MOTION_END: 'Motion ended',
    CAMERA_ONLINE: 'Camera online', CAMERA_OFFLINE: 'Camera offline',
    CAMERA_MOTION_START: 'Camera reports motion', CAMERA_MOTION_END: 'Camera motion ended',
    CAMERA_TAMPER_START: 'Camera tampered', CAMERA_TAMPER_END: 'Camera tamper cleared',
    GATEWAY_SILENT: 'Gateway silent', GATEWAY_OUTBOX: 'Gateway outbox backing up',
    gatewayState_CONNECTED: 'Connected', gatewayState_REACHABLE: 'Reporting, no control link',
    gatewayState_SILENT: 'Silent since {time}', gatewayState_NEVER_SEEN: 'Never heard from',
    gatewayState_REVOKED: 'Revoked', gatewayShared: 'Shared gateway',
    district: 'District', allDistricts: 'Every district',
    gatewaySharedHint: "No gateway holds this commune: the district's shared gateway pulls it",
    problem_GATEWAY_UNAVAILABLE: "The commune's gateway is not connected to the centre, so its cameras cannot be reached. "
      + "Check the gateway's power and link at the commune, then try again.",
    ONLINE: 'Online', OFFLINE: 'Offline', UNAUTHORIZED: 'Wrong credentials', DEGRADED: 'Degraded', UNKNOWN: 'Unknown',
    signIn: 'Sign in', signOut: 'Sign out', username: 'Username', password: 'Password',
    loginFailed: 'Wrong username or password.', loggedOut: 'Signed out.',
    ADMIN: 'Administrator', OPERATOR: 'Operator', TECHNICIAN: 'Technician', COMMUNE_HEAD: 'Commune head',
    alerts: 'Alerts', state: 'Handling', OPEN: 'Open', ACKNOWLEDGED: 'Acknowledged', FALSE_POSITIVE: 'False positive',
    CLEARED: 'Cleared',
    acknowledge: 'Acknowledge', falsePositive: 'False positive', addNote: 'Note', notePrompt: 'Note for this alert:',
    skipToContent: 'Skip to main content', mainNav: 'Pages', soundOn: 'Sound: on', soundOff: 'Sound: off',
    soundLabel: 'Sound when a new alert arrives', loading: 'Loading…', none: 'Nothing yet.',
    requestFailed: 'That did not work, please try again.',
    loginLockedAccount: 'This account is locked for now after too many wrong passwords. Try again in {minutes} minutes, or ask an administrator to unlock it.',
    loginLockedAddress: 'Sign-in from this computer is blocked for now after too many failed attempts. Try again in {minutes} minutes, or ask an administrator to lift the block.',
    changePassword: 'Change password', currentPassword: 'Current password', newPassword: 'New password',
    repeatPassword: 'Repeat the new password', savePassword: 'Save the new password', backToApp: 'Back to the main page',
    passwordMustChange: 'An administrator set this password for you. Choose your own before you go on.',
    passwordChanged: 'Password changed.', passwordsDiffer: 'The two new passwords are not the same.',
    passwordRulesTitle: 'A password must:', passwordRuleLength: 'be 12 characters or longer (a sentence you remember is best);',
    passwordRuleUsername: 'not contain the username;', passwordRuleDistinct: 'have at least 5 different characters;',
    passwordRuleBytes: 'be at most 72 bytes (an accented letter counts 2–3).',
    problem_PASSWORD_TOO_SHORT: 'The password must be 12 characters or longer.',
    problem_PASSWORD_TOO_LONG: 'The password is longer than 72 bytes.',
    problem_PASSWORD_HAS_USERNAME: "The password may not contain the username (nor be the demo's sample password).",
    problem_PASSWORD_TOO_SIMPLE: 'The password is too simple: it needs at least 5 different characters.',
    problem_PASSWORD_UNCHANGED: 'The new password must differ from the current one.',
    problem_CURRENT_PASSWORD_WRONG: 'The current password is wrong.'
  }
};

/** Times are always shown in the district's zone, whatever the browser's own zone is. */
const TIME_ZONE = 'Asia/Ho_Chi_Minh';

// Spring Security leaves the CSRF token in this cookie; forms and scripts send it back.
function csrfToken() {
  const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
  return match ? decodeURIComponent(match[1]) : '';
}
