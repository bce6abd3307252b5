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
});
