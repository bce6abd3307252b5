import { defineMessages } from "../define-messages";

// Passwords, reset codes, disabled accounts, throttling and the demo marker (docs/security.md).
export const accountSecurityMessages = defineMessages({
  "demo.marker": {
    vi: "Bản demo — tài khoản và mật khẩu mẫu công khai trong README, không dùng cho cuộc thi thật",
    en: "Demo — sample accounts whose passwords are in the README; not for a real contest",
  },
  "account.throttled": {
    vi: "Bạn đã thử quá nhiều lần. Vui lòng đợi vài phút rồi thử lại.",
    en: "Too many attempts. Please wait a few minutes and try again.",
  },
  "account.disabled": {
    vi: "Tài khoản này đã bị khoá. Vui lòng liên hệ quản trị viên.",
    en: "This account is disabled. Please contact an administrator.",
  },
  "account.passwordPublished": {
    vi: "Mật khẩu này là mật khẩu mẫu công khai trong tài liệu. Vui lòng chọn mật khẩu khác.",
    en: "This is a sample password published in the documentation. Please choose another.",
  },
  "account.passwordMismatch": { vi: "Hai lần nhập mật khẩu mới không khớp.", en: "The two new passwords do not match." },
  "account.wrongPassword": { vi: "Mật khẩu hiện tại không đúng.", en: "The current password is wrong." },
  "account.title": { vi: "Tài khoản của tôi", en: "My account" },
  "account.signedInAs": { vi: "Đăng nhập với tên {username}.", en: "Signed in as {username}." },
  "account.changePassword": { vi: "Đổi mật khẩu", en: "Change password" },
  "account.currentPassword": { vi: "Mật khẩu hiện tại", en: "Current password" },
  "account.newPassword": { vi: "Mật khẩu mới", en: "New password" },
  "account.confirmPassword": { vi: "Nhập lại mật khẩu mới", en: "Repeat the new password" },
  "account.passwordChanged": {
    vi: "Đã đổi mật khẩu. Các phiên đăng nhập trên thiết bị khác đã kết thúc.",
    en: "Password changed. Sessions on other devices have ended.",
  },
  "account.forgotPassword": { vi: "Quên mật khẩu? Nhập mã đặt lại", en: "Forgot your password? Enter a reset code" },
  "account.resetCodeInvalid": {
    vi: "Mã đặt lại gồm 10 chữ cái và chữ số, ví dụ ABCDE-23456.",
    en: "A reset code has 10 letters and digits, e.g. ABCDE-23456.",
  },
  "reset.title": { vi: "Đặt lại mật khẩu bằng mã", en: "Reset your password with a code" },
  "reset.intro": {
    vi: "Quên mật khẩu? Hãy xin thầy cô giáo của trường (hoặc quản trị viên) một mã đặt lại dùng một lần, rồi nhập vào đây.",
    en: "Forgot your password? Ask a teacher of your school (or an administrator) for a one-time reset code and enter it here.",
  },
  "reset.code": { vi: "Mã đặt lại", en: "Reset code" },
  "reset.submit": { vi: "Đặt mật khẩu mới", en: "Set the new password" },
  "reset.invalid": {
    vi: "Mã không đúng, đã được dùng hoặc đã hết hạn. Hãy xin thầy cô một mã mới.",
    en: "The code is wrong, already used or expired. Ask your teacher for a new one.",
  },
  "nav.account": { vi: "Tài khoản", en: "Account" },
  "nav.pupils": { vi: "Học sinh", en: "Pupils" },
  "pupils.title": { vi: "Học sinh của trường", en: "Pupils of my school" },
  "pupils.intro": {
    vi: "Khi một em quên mật khẩu, hãy tạo mã đặt lại và đưa cho em. Mã dùng được một lần trong 24 giờ, tại trang Đặt lại mật khẩu (/reset).",
    en: "When a pupil forgets their password, issue a reset code and give it to them. It works once, within 24 hours, at the reset page (/reset).",
  },
  "pupils.noSchool": {
    vi: "Tài khoản của bạn chưa gắn với trường nào. Hãy nhờ quản trị viên gắn trường.",
    en: "Your account is not linked to a school yet. Ask an administrator to link it.",
  },
  "pupils.empty": { vi: "Chưa có học sinh nào của trường đăng ký tài khoản.", en: "No pupil of your school has an account yet." },
  "pupils.issueCode": { vi: "Tạo mã đặt lại mật khẩu", en: "Issue a reset code" },
  "pupils.issueCodeFor": { vi: "Tạo mã đặt lại mật khẩu cho {username}", en: "Issue a reset code for {username}" },
  "pupils.codeIssued": {
    vi: "Mã đặt lại mật khẩu của {username}: {code} — dùng một lần, hết hạn lúc {expiresAt}. Mã cũ (nếu có) không còn dùng được.",
    en: "Reset code for {username}: {code} — single use, expires {expiresAt}. Any earlier code no longer works.",
  },
  "account.resetForbidden": {
    vi: "Bạn chỉ có thể tạo mã cho học sinh của trường mình.",
    en: "You can issue codes only for pupils of your own school.",
  },
  "account.unknownUser": { vi: "Không tìm thấy tài khoản này.", en: "This account does not exist." },
  "admin.account.manage": { vi: "Quản lý", en: "Manage" },
  "admin.account.title": { vi: "Tài khoản {username}", en: "Account {username}" },
  "admin.account.setPassword": { vi: "Đặt mật khẩu mới", en: "Set a new password" },
  "admin.account.passwordSet": {
    vi: "Đã đặt mật khẩu mới cho {username}; mọi phiên đăng nhập của tài khoản đã kết thúc.",
    en: "New password set for {username}; every session of the account has ended.",
  },
  "admin.account.statusActive": { vi: "Đang hoạt động", en: "Active" },
  "admin.account.statusDisabled": { vi: "Đã khoá từ {since}", en: "Disabled since {since}" },
  "admin.account.disable": { vi: "Khoá tài khoản", en: "Disable the account" },
  "admin.account.enable": { vi: "Mở khoá tài khoản", en: "Enable the account" },
  "admin.account.disabledDone": {
    vi: "Đã khoá {username}: không đăng nhập được nữa, các phiên đăng nhập đã kết thúc.",
    en: "{username} is disabled: sign-in is refused and its sessions have ended.",
  },
  "admin.account.enabledDone": { vi: "Đã mở khoá {username}.", en: "{username} is enabled again." },
  "admin.account.cannotSelf": {
    vi: "Bạn không thể tự khoá tài khoản của mình.",
    en: "You cannot disable your own account.",
  },
});
