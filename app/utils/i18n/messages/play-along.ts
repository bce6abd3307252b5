import { defineMessages } from "../define-messages";

// TV play-along (issue 15, docs/decisions/038): viewers at home on the distribution path they watch through.
export const playAlongMessages = defineMessages({
  "live.code.unknown-path": { vi: "Không có đường phát sóng này trong trò chơi.", en: "This game has no such broadcast path." },
  "live.code.path-locked": {
    vi: "Trò chơi đã bắt đầu: không đổi được cách xem hay độ trễ nữa.",
    en: "The game has started: the way you watch and the delays can no longer change.",
  },
  "live.code.invalid-paths": { vi: "Danh sách đường phát sóng không hợp lệ.", en: "The list of broadcast paths is not valid." },

  // Joining from home
  "playAlong.join.where": { vi: "Bạn đang xem ở đâu?", en: "Where are you watching?" },
  "playAlong.join.studio": { vi: "Tại trường quay", en: "In the studio" },
  "playAlong.join.path": { vi: "{name} (chậm {seconds} giây)", en: "{name} ({seconds} s behind)" },
  "playAlong.join.hint": {
    vi: "Chọn đúng cách bạn đang xem: câu hỏi hiện trên điện thoại cùng lúc với màn hình TV của bạn.",
    en: "Pick the way you are watching: questions appear on your phone when they appear on your TV.",
  },
  "playAlong.play.path": { vi: "Chơi cùng tại nhà · {name}", en: "Playing along at home · {name}" },

  // The host's console
  "playAlong.console.title": { vi: "Khán giả chơi cùng tại nhà", en: "Home play-along" },
  "playAlong.console.intro": {
    vi: "Mỗi đường phát sóng đến khán giả chậm hơn trường quay một khoảng (ví dụ truyền hình mặt đất 2 giây, internet 20 giây). Đặt trước khi bắt đầu; để trống mọi dòng nếu chỉ có người chơi tại trường quay.",
    en: "Each broadcast path reaches viewers some time after the studio (for example terrestrial 2 s, an internet stream 20 s). Set them before the start; leave every row empty for studio players only.",
  },
  "playAlong.console.name": { vi: "Đường phát sóng {number}", en: "Broadcast path {number}" },
  "playAlong.console.delay": { vi: "Độ trễ (giây) {number}", en: "Delay (seconds) {number}" },
  "playAlong.console.save": { vi: "Lưu đường phát sóng", en: "Save the broadcast paths" },
  "playAlong.console.saved": { vi: "Đã lưu đường phát sóng.", en: "Broadcast paths saved." },
  "playAlong.console.badRow": {
    vi: "Mỗi dòng cần tên (tối đa 40 ký tự) và độ trễ từ 0 đến 120 giây.",
    en: "Each row needs a name (up to 40 characters) and a delay from 0 to 120 seconds.",
  },
  "playAlong.home.players": { vi: "{count} người chơi tại nhà", en: "{count} players at home" },
  "playAlong.home.pathCount": { vi: "{name}: {count}", en: "{name}: {count}" },
  "playAlong.home.title": { vi: "Khán giả tại nhà", en: "Viewers at home" },
  "playAlong.home.answers": { vi: "Câu {number}: {answered} trả lời, {correct} đúng", en: "Question {number}: {answered} answered, {correct} right" },
  "playAlong.home.top": { vi: "Mười người dẫn đầu tại nhà", en: "Top ten at home" },
});
