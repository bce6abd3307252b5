import { defineMessages } from "../define-messages";

// On air (issue 15, docs/decisions/031): the display and overlay, the control room, the presenter's view.
export const broadcastMessages = defineMessages({
  // The display
  "broadcast.display.enableSound": { vi: "Bấm để bật âm thanh", en: "Click to turn the sound on" },
  "broadcast.display.timeLeft": { vi: "Thời gian còn lại", en: "Time left" },
  "broadcast.display.answers": { vi: "Các phương án và số người chọn", en: "The options and how many chose each" },
  "broadcast.display.right": { vi: "Đáp án đúng", en: "Right answer" },

  // On-air graphics settings on the console
  "broadcast.settings.title": { vi: "Đồ họa phát sóng", en: "On-air graphics" },
  "broadcast.settings.intro": {
    vi: "Áp dụng cho lớp phủ (overlay) của trò chơi này; màn hình đang mở nhận thay đổi ở bước tiếp theo của trò chơi.",
    en: "For this game's overlay; open screens take a change at the game's next step.",
  },
  "broadcast.settings.layout": { vi: "Bố cục lớp phủ", en: "Overlay layout" },
  "broadcast.layout.full": { vi: "Toàn màn hình", en: "Full screen" },
  "broadcast.layout.lower-third": { vi: "Một phần ba dưới (lower third)", en: "Lower third" },
  "broadcast.layout.side-panel": { vi: "Cột bên phải", en: "Side panel" },
  "broadcast.settings.background": { vi: "Nền của lớp phủ", en: "Overlay background" },
  "broadcast.settings.background.transparent": { vi: "Trong suốt (phần mềm phát sóng có kênh alpha)", en: "Transparent (broadcast software with an alpha channel)" },
  "broadcast.settings.background.key": { vi: "Màu nền đặc để tách nền (chroma key)", en: "A solid colour to key out (chroma key)" },
  "broadcast.settings.keyColour": { vi: "Màu tách nền", en: "Key colour" },
  "broadcast.settings.soundCues": {
    vi: "Âm báo trên màn hình trình chiếu (bắt đầu câu hỏi, 5 giây cuối, công bố đáp án)",
    en: "Sound cues on the display (question start, last 5 seconds, answer reveal)",
  },
  "broadcast.settings.save": { vi: "Lưu đồ họa", en: "Save the graphics" },
  "broadcast.settings.saved": { vi: "Đã lưu. Màn hình đang mở đổi theo ở bước tiếp theo.", en: "Saved. Open screens follow at the next step." },
  "broadcast.settings.error.layout": { vi: "Hãy chọn một bố cục.", en: "Choose a layout." },
  "broadcast.settings.error.background": { vi: "Hãy chọn nền trong suốt hoặc màu tách nền.", en: "Choose a transparent background or a key colour." },
  "broadcast.settings.error.keyColour": { vi: "Màu tách nền viết dạng #rrggbb, ví dụ #00b140.", en: "A key colour is written #rrggbb, for example #00b140." },
  "broadcast.settings.links": { vi: "Liên kết cho từng đầu ra", en: "Links for each output" },
  "broadcast.settings.linkFor": { vi: "Lớp phủ — {layout}", en: "Overlay — {layout}" },

  // The rundown before going live
  "broadcast.rundown.show": { vi: "Xem danh sách câu hỏi", en: "Show the rundown" },
  "broadcast.rundown.title": { vi: "Danh sách câu hỏi lên sóng ({count} câu)", en: "Rundown ({count} questions)" },
  "broadcast.rundown.intro": {
    vi: "Đây là thứ tự các câu sẽ lên sóng. Đổi chỗ, thay câu khác từ ngân hàng, xem trước từng câu đúng như màn hình trình chiếu, rồi bấm “Tạo trò chơi”.",
    en: "This is the order the questions go on air in. Move them, swap one for another from the bank, preview each exactly as the display shows it, then press “Create the game”.",
  },
  "broadcast.rundown.number": { vi: "Câu {number}", en: "Question {number}" },
  "broadcast.rundown.rightAnswer": { vi: "Đáp án đúng: {answer}", en: "Right answer: {answer}" },
  "broadcast.rundown.moveUp": { vi: "Đưa câu {number} lên trước", en: "Move question {number} earlier" },
  "broadcast.rundown.moveDown": { vi: "Đưa câu {number} xuống sau", en: "Move question {number} later" },
  "broadcast.rundown.swap": { vi: "Đổi câu khác", en: "Swap for another" },
  "broadcast.rundown.swapNamed": { vi: "Đổi câu {number} lấy câu khác cùng chủ đề", en: "Swap question {number} for another of its topic" },
  "broadcast.rundown.preview": { vi: "Xem trước trên màn hình trình chiếu", en: "Preview on the display" },
  "broadcast.rundown.nothingToSwap": { vi: "Ngân hàng không còn câu nào khác để thay.", en: "The bank has no other question left to swap in." },
  "broadcast.rundown.pinLater": { vi: "······", en: "······" },
  "broadcast.rundown.difficulty": { vi: "Độ khó: {level}", en: "Difficulty: {level}" },

  // Keyboard and clicker shortcuts on the console
  "broadcast.shortcuts.title": { vi: "Phím tắt và bút trình chiếu (bấm ? để mở)", en: "Keyboard and clicker shortcuts (press ? to open)" },
  "broadcast.shortcuts.next": { vi: "Bước tiếp theo (nút chính)", en: "Next step (the main button)" },
  "broadcast.shortcuts.pause-or-resume": { vi: "Tạm dừng / tiếp tục", en: "Pause / resume" },
  "broadcast.shortcuts.skip": { vi: "Bỏ câu này (bấm hai lần)", en: "Skip this question (press twice)" },
  "broadcast.shortcuts.rescue": { vi: "Cứu trợ", en: "Rescue" },
  "broadcast.shortcuts.end": { vi: "Kết thúc ngay (bấm hai lần)", en: "End now (press twice)" },
  "broadcast.shortcuts.lock-or-unlock": { vi: "Khóa / mở cửa cho người chơi mới", en: "Lock / unlock the game to new players" },
  "broadcast.shortcuts.help": { vi: "Mở / đóng bảng phím tắt", en: "Open / close this list" },
  "broadcast.shortcuts.note": {
    vi: "Bút trình chiếu: nút tiến là bước tiếp theo; nút lùi và nút màn hình đen là tạm dừng. Nút trình chiếu (F5) bị chặn để không tải lại bảng điều khiển giữa chừng. Mời người chơi ra: dùng nút bên cạnh tên.",
    en: "Clickers: forward is the next step; back and blank-screen pause. The slideshow button (F5) is blocked so the console never reloads mid-game. Removing a player: the button beside their name.",
  },
  "broadcast.shortcuts.confirmSkip": { vi: "Bấm S lần nữa trong 3 giây để bỏ câu này.", en: "Press S again within 3 seconds to skip this question." },
  "broadcast.shortcuts.confirmEnd": { vi: "Bấm E lần nữa trong 3 giây để kết thúc trò chơi ngay.", en: "Press E again within 3 seconds to end the game now." },

  // The presenter's view
  "broadcast.presenter.open": { vi: "Mở màn hình người dẫn (thấy trước đáp án)", en: "Open the presenter's view (answers ahead of the reveal)" },
  "broadcast.presenter.title": { vi: "Màn hình người dẫn", en: "Presenter's view" },
  "broadcast.presenter.current": { vi: "Câu đang lên sóng: {number}/{total}", en: "On air: question {number}/{total}" },
  "broadcast.presenter.next": { vi: "Câu tiếp theo: {number}/{total}", en: "Next: question {number}/{total}" },
  "broadcast.presenter.noCurrent": { vi: "Chưa có câu nào lên sóng", en: "No question on air yet" },
  "broadcast.presenter.noNext": { vi: "Không còn câu tiếp theo", en: "No question after this one" },
  "broadcast.presenter.all": { vi: "Toàn bộ danh sách câu hỏi ({count} câu)", en: "The whole rundown ({count} questions)" },
  "broadcast.presenter.figures": { vi: "Thời gian và số liệu trực tiếp", en: "Clock and live figures" },
  "broadcast.presenter.seconds": { vi: "{seconds} giây", en: "{seconds} s" },
  "broadcast.presenter.answers": { vi: "Câu trả lời", en: "Answers" },
  "broadcast.presenter.answeredOf": { vi: "{count}/{total} đã trả lời", en: "{count}/{total} answered" },
  "broadcast.presenter.correctOf": { vi: "{count}/{total} trả lời đúng", en: "{count}/{total} right" },
  "broadcast.presenter.players": { vi: "Người chơi đang kết nối", en: "Players connected" },
  "broadcast.presenter.connectedOf": { vi: "{count}/{total}", en: "{count}/{total}" },
  "broadcast.presenter.multiple": { vi: "Câu nhiều đáp án: phải chọn đủ các đáp án đúng.", en: "Several right answers: all must be chosen." },
  "broadcast.presenter.phase.lobby": { vi: "Đang chờ người chơi", en: "Waiting for players" },
  "broadcast.presenter.phase.countdown": { vi: "Đếm ngược", en: "Countdown" },
  "broadcast.presenter.phase.question": { vi: "Đang nhận trả lời", en: "Taking answers" },
  "broadcast.presenter.phase.reveal": { vi: "Công bố đáp án", en: "Answer revealed" },
  "broadcast.presenter.phase.leaderboard": { vi: "Bảng xếp hạng", en: "Leaderboard" },
  "broadcast.presenter.phase.podium": { vi: "Bục vinh quang", en: "Podium" },
  "broadcast.presenter.phase.ended": { vi: "Đã kết thúc", en: "Ended" },
});
