import { defineMessages } from "../define-messages";

/** Messages for the journeys between screens: the game phone, confirmations, role home pages, invitations. */
export const journeyMessages = defineMessages({
  "journeys.play.showQuestion": { vi: "Xem cả câu hỏi", en: "Show the whole question" },
  "journeys.play.hideQuestion": { vi: "Thu gọn", en: "Show less" },
  "journeys.play.leave": { vi: "Sân chơi ASEAN", en: "ASEAN Playground" },
  "journeys.confirm.cancel": { vi: "Huỷ, quay lại", en: "Cancel, go back" },
  "journeys.confirm.submitUnanswered": {
    vi: "Bạn còn {left}/{total} câu chưa trả lời. Nộp bài bây giờ sẽ kết thúc lượt thi này: các câu chưa trả lời bị tính sai và bạn không sửa được bài nữa.",
    en: "{left} of {total} questions are still unanswered. Handing in now ends this attempt: unanswered questions count as wrong and you cannot change your answers any more.",
  },
  "journeys.confirm.submitAll": {
    vi: "Bạn đã trả lời đủ {total} câu. Nộp bài bây giờ sẽ kết thúc lượt thi này và bạn không sửa được bài nữa.",
    en: "You have answered all {total} questions. Handing in now ends this attempt and you cannot change your answers any more.",
  },
  "journeys.confirm.submitYes": { vi: "Nộp bài", en: "Hand in" },
  "journeys.confirm.close": {
    vi: "Đóng vòng thi ngay bây giờ? Thí sinh đang làm bài sẽ bị dừng, không ai vào thi được nữa, đáp án và kết quả được công bố. Không thể mở lại.",
    en: "Close the round now? Pupils still working are stopped, no one else can start, and answers and results are published. It cannot be reopened.",
  },
  "journeys.confirm.closeYes": { vi: "Đóng vòng thi", en: "Close the round" },
  "journeys.confirm.delete": {
    vi: "Xóa hẳn tài khoản, hồ sơ và tên của bạn? Bạn sẽ bị đăng xuất; bài làm chỉ còn ở dạng ẩn danh. Không thể hoàn tác.",
    en: "Delete your account, profile and name for good? You will be signed out; your attempts remain only anonymously. This cannot be undone.",
  },
  "journeys.confirm.deleteYes": { vi: "Xóa vĩnh viễn", en: "Delete for good" },
});
