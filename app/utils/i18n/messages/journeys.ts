import { defineMessages } from "../define-messages";

/** Messages for the journeys between screens: the game phone, confirmations, role home pages, invitations. */
export const journeyMessages = defineMessages({
  "journeys.play.showQuestion": { vi: "Xem cả câu hỏi", en: "Show the whole question" },
  "journeys.play.hideQuestion": { vi: "Thu gọn", en: "Show less" },
  "journeys.play.leave": { vi: "Sân chơi ASEAN", en: "ASEAN Playground" },
});
