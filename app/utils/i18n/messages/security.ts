import { defineMessages } from "../define-messages";

// Answers the server gives before a request reaches any page (app/http) and the live-game guards.
export const securityMessages = defineMessages({
  "security.bodyTooLarge.title": { vi: "Dữ liệu gửi lên quá lớn", en: "What you sent is too large" },
  "security.bodyTooLarge": {
    vi: "Dữ liệu gửi lên vượt quá giới hạn {limit} cho trang này. Hãy gửi ít hơn hoặc chia nhỏ tệp.",
    en: "What you sent is larger than the {limit} this page accepts. Send less or split the file.",
  },
  "security.crossOrigin.title": { vi: "Yêu cầu bị từ chối", en: "Request refused" },
  "security.crossOrigin": {
    vi: "Biểu mẫu này được gửi từ một trang web khác nên đã bị từ chối. Hãy mở Sân chơi ASEAN trực tiếp và thử lại.",
    en: "This form was sent from another website, so it was refused. Open ASEAN Playground directly and try again.",
  },
  "security.backHome": { vi: "Về trang chủ", en: "Back to the home page" },

  // Live games on air
  "live.host.lockJoins": { vi: "Khoá phòng chờ (không nhận thêm người)", en: "Lock the game (no new players)" },
  "live.host.unlockJoins": { vi: "Mở lại cho người mới vào", en: "Let new players in again" },
  "live.host.joinsLocked": { vi: "Đã khoá: không ai vào thêm được.", en: "Locked: nobody new can join." },
  "live.host.joinsOpen": { vi: "Đang mở: người chơi mới vào được bằng mã PIN.", en: "Open: new players can join with the PIN." },
  "live.code.name-not-allowed": {
    vi: "Tên hiển thị này không phù hợp để lên sóng. Hãy chọn tên khác.",
    en: "This display name is not suitable for broadcast. Choose another one.",
  },
  "live.code.game-locked": { vi: "Người dẫn đã khoá trò chơi, không nhận thêm người.", en: "The host has locked the game; it takes no more players." },
  "live.code.too-many-joins": {
    vi: "Có quá nhiều lượt vào trò chơi từ mạng của bạn. Hãy chờ một lát rồi thử lại.",
    en: "Too many joins from your network. Wait a little and try again.",
  },
  "live.code.already-playing": { vi: "Thiết bị này đã vào trò chơi rồi.", en: "This device has already joined the game." },
  "live.join.error.tooMany": {
    vi: "Bạn đã thử quá nhiều mã PIN. Hãy chờ một phút rồi thử lại.",
    en: "You tried too many PINs. Wait a minute and try again.",
  },
});
