import { defineMessages } from "../define-messages";
import { registerMessages } from "../index";

/**
 * Messages for the second round of journeys (issue #11): writing a new question, hand-picking
 * questions, editing rounds and contests before they open, the users list, the profile, merging
 * accounts, and the leftovers of the units work. Loaded with the routes that use it: every module
 * that names one of these keys imports this file.
 */
export const moreJourneyMessages = defineMessages({
  "bankNew.link": { vi: "Viết câu hỏi mới", en: "Write a new question" },
  "bankNew.title": { vi: "Viết câu hỏi mới", en: "Write a new question" },
  "bankNew.intro": {
    vi: "Câu hỏi được kiểm tra theo đúng các quy tắc như khi nhập tệp, nhận mã mới theo chủ đề và được lưu thành bản nháp. Một thành viên ban tổ chức khác duyệt trước khi câu hỏi vào bản phát hành.",
    en: "The question is checked by the same rules as an imported file, gets a new id in its topic and is saved as a draft. Another organizer reviews it before it can reach a release.",
  },
  "bankNew.save": { vi: "Lưu bản nháp để duyệt", en: "Save the draft for review" },

  "roundPick.title": { vi: "Chọn câu hỏi cụ thể", en: "Hand-picked questions" },
  "roundPick.roundHint": {
    vi: "Câu được chọn có mặt trong mọi lượt thi (thứ tự đảo cho từng người), cộng thêm số câu rút theo bảng ở trên nếu có.",
    en: "Picked questions are in every attempt (in an order of each person's own), together with any questions drawn by the grid above.",
  },
  "roundPick.gameHint": {
    vi: "Trò chơi hỏi các câu được chọn theo đúng thứ tự trong danh sách.",
    en: "The game asks the picked questions in the order of the list.",
  },
  "roundPick.pickedList": { vi: "Câu đã chọn", en: "Picked questions" },
  "roundPick.noneYet": {
    vi: "Chưa chọn câu nào. Tìm trong ngân hàng câu hỏi bên dưới rồi đánh dấu các câu muốn dùng.",
    en: "No question picked yet. Search the bank below and tick the questions to use.",
  },
  "roundPick.pickedCount": { vi: "Đã chọn {count} câu (bỏ đánh dấu để bỏ chọn):", en: "{count} picked (untick to remove):" },
  "roundPick.search": { vi: "Tìm trong ngân hàng câu hỏi", en: "Search the question bank" },
  "roundPick.searchHint": {
    vi: "Gõ vài chữ của câu hỏi hoặc phương án, có dấu hay không dấu đều được.",
    en: "A few words of the question or an option, with or without Vietnamese marks.",
  },
  "roundPick.difficulty": { vi: "Độ khó", en: "Difficulty" },
  "roundPick.searchSubmit": { vi: "Tìm câu hỏi", en: "Search questions" },
  "roundPick.results": { vi: "Kết quả tìm kiếm", en: "Search results" },
  "roundPick.noResults": { vi: "Không tìm thấy câu hỏi nào trong bản phát hành đã chọn.", en: "No question of the chosen release matches." },
  "roundPick.resultsHint": {
    vi: "{count} câu phù hợp (tối đa 20). Đánh dấu câu muốn thêm; câu đã đánh dấu được giữ khi tìm tiếp.",
    en: "{count} matching (20 at most). Tick the ones to add; ticked questions stay picked when you search again.",
  },
  "roundPick.options": { vi: "{count} phương án", en: "{count} options" },
  "roundPick.tooMany": { vi: "Chỉ chọn được tối đa {max} câu.", en: "At most {max} questions can be picked." },
  "roundPick.notInRelease": {
    vi: "Các câu sau không có trong bản phát hành đã chọn (hoặc đã bị loại bỏ): {ids}. Bỏ chọn chúng hoặc chọn bản phát hành khác.",
    en: "These questions are not in the chosen release (or were retired): {ids}. Untick them or choose another release.",
  },
  "roundPick.wrongAudience": {
    vi: "Các câu sau không dành cho đối tượng mà vòng thi rút câu hỏi: {ids}.",
    en: "These questions are not written for the audience the round draws for: {ids}.",
  },

  "roundEdit.link": { vi: "Sửa, dời lịch", en: "Edit, reschedule" },
  "roundEdit.title": { vi: "Sửa vòng thi “{title}”", en: "Edit the round “{title}”" },
  "roundEdit.intro": {
    vi: "Vòng thi chưa mở (mở lúc {when}) nên sửa được mọi thiết lập; mã tham gia và đường dẫn đã gửi vẫn giữ nguyên.",
    en: "The round has not opened yet (it opens at {when}), so every setting can change; the join code and the links already sent stay the same.",
  },
  "roundEdit.save": { vi: "Lưu thay đổi", en: "Save the changes" },
  "roundEdit.saved": { vi: "Đã lưu thay đổi của vòng thi.", en: "The round's changes were saved." },
  "roundEdit.alreadyOpen": {
    vi: "Vòng thi đã mở lúc {when} nên không sửa được nữa: thí sinh có thể đã xem câu hỏi. Bạn vẫn có thể đóng vòng thi sớm.",
    en: "The round opened at {when}, so it can no longer be changed: participants may have seen its questions. You can still close it early.",
  },
  "roundEdit.closedAlready": { vi: "Vòng thi đã đóng lúc {when}; kết quả giữ nguyên.", en: "The round closed at {when}; its results stay as they are." },
  "roundEdit.notFound": { vi: "Không tìm thấy vòng thi này.", en: "This round was not found." },
  "roundEdit.keepRule": {
    vi: "Giữ nguyên cơ cấu câu hỏi hiện tại ({count} câu) — cơ cấu này không hiển thị đầy đủ được trên bảng; bỏ đánh dấu để thay bằng bảng và danh sách bên dưới.",
    en: "Keep the current question mix ({count} questions) — it cannot be shown fully in the grid; untick to replace it with the grid and the list below.",
  },

  "contestEdit.title": { vi: "Sửa cuộc thi, dời lịch", en: "Edit the contest, reschedule" },
  "contestEdit.save": { vi: "Lưu tên và thể lệ", en: "Save the title and rules" },
  "contestEdit.saved": { vi: "Đã lưu tên và thể lệ của cuộc thi.", en: "The contest's title and rules were saved." },
  "contestEdit.days": { vi: "Dời mọi vòng thi thêm (ngày)", en: "Move every round by (days)" },
  "contestEdit.daysHint": {
    vi: "Số dương: dời muộn hơn; số âm: sớm hơn. Độ dài và khoảng cách giữa các vòng giữ nguyên.",
    en: "Positive: later; negative: earlier. The rounds keep their lengths and the gaps between them.",
  },
  "contestEdit.shift": { vi: "Dời lịch", en: "Reschedule" },
  "contestEdit.shifted": { vi: "Đã dời lịch mọi vòng thi của cuộc thi.", en: "Every round of the contest was moved." },
  "contestEdit.alreadyOpen": {
    vi: "Cuộc thi đã mở từ {when} nên không sửa tên, thể lệ hay dời lịch được nữa: thí sinh đã đọc thể lệ và đang dự thi. Các vòng chưa mở vẫn sửa được riêng từng vòng.",
    en: "The contest has been open since {when}, so its title, rules and dates can no longer change: participants have read the rules and are taking part. Rounds not yet open can still be edited one by one.",
  },
  "contestEdit.noRounds": { vi: "Cuộc thi chưa có vòng thi nào để dời lịch.", en: "The contest has no round to move yet." },
  "contestEdit.intoPast": {
    vi: "Dời như vậy thì vòng đầu tiên mở lúc {when}, đã qua. Chọn số ngày khác.",
    en: "That would make the first round open at {when}, which has passed. Choose another number of days.",
  },
  "contestEdit.notFound": { vi: "Không tìm thấy cuộc thi này.", en: "This contest was not found." },
  "contestEdit.error.days": {
    vi: "Nhập một số ngày nguyên khác 0, từ -90 đến 90.",
    en: "Enter a whole number of days other than 0, from -90 to 90.",
  },

  "usersList.search": { vi: "Tìm tài khoản", en: "Find an account" },
  "usersList.searchHint": {
    vi: "Theo họ tên hoặc tên đăng nhập, có dấu hay không dấu đều được, ví dụ “nguyen van”.",
    en: "By name or username, with or without Vietnamese marks, e.g. “nguyen van”.",
  },
  "usersList.roleFilter": { vi: "Lọc theo vai trò", en: "Filter by role" },
  "usersList.allRoles": { vi: "Mọi vai trò", en: "Every role" },
  "usersList.searchSubmit": { vi: "Tìm", en: "Search" },
  "usersList.clear": { vi: "Bỏ lọc", en: "Clear" },
  "usersList.count": { vi: "{count} tài khoản", en: "{count} accounts" },
  "usersList.pages": { vi: "Trang", en: "Pages" },
  "usersList.previous": { vi: "← Trang trước", en: "← Previous" },
  "usersList.next": { vi: "Trang sau →", en: "Next →" },
  "usersList.page": { vi: "Trang {page}/{pages}", en: "Page {page} of {pages}" },
  "usersList.disabled": { vi: "đã khóa", en: "disabled" },

  "profile.link": { vi: "Sửa hồ sơ (trường, lớp, đối tượng…)", en: "Edit my profile (school, class, group…)" },
  "profile.title": { vi: "Sửa hồ sơ dự thi", en: "Edit my profile" },
  "profile.intro": {
    vi: "Sửa khi bạn chuyển trường, lên lớp hoặc đã chọn nhầm. Trường phải thuộc đúng xã, phường (hoặc đơn vị) bạn chọn ở thời điểm hiện tại.",
    en: "Correct it when you change school, move up a class or chose wrongly. The school must belong to the area you choose, as the units are today.",
  },
  "profile.confirmAge": {
    vi: "Tôi xác nhận năm sinh và đối tượng trên là đúng (ví dụ học muộn hoặc học vượt).",
    en: "I confirm the birth year and group above are right (e.g. I started school late or early).",
  },
  "profile.pastStays": {
    vi: "Các lượt thi đã làm vẫn tính cho trường và đối tượng lúc làm bài; thay đổi chỉ áp dụng từ bây giờ.",
    en: "Attempts already made still count for the school and group of their time; the change applies from now on.",
  },
  "profile.save": { vi: "Lưu hồ sơ", en: "Save my profile" },
  "profile.saved": { vi: "Đã lưu hồ sơ của bạn.", en: "Your profile was saved." },
  "profile.error.noProfile": { vi: "Bạn chưa đăng ký dự thi.", en: "You have not registered yet." },
  "profile.error.areaGone": {
    vi: "Vui lòng chọn một xã, phường (hoặc đơn vị) đang tồn tại hiện nay.",
    en: "Please choose an area that exists today.",
  },
  "profile.error.ageQuestioned": {
    vi: "Năm sinh này ít gặp ở đối tượng đã chọn. Kiểm tra lại năm sinh và đối tượng, hoặc đánh dấu xác nhận bên dưới nếu đúng.",
    en: "This birth year is unusual for the chosen group. Check the birth year and group, or tick the confirmation below if they are right.",
  },

  "merge.title": { vi: "Gộp tài khoản trùng", en: "Merge a duplicate account" },
  "merge.intro": {
    vi: "Khi một người có hai tài khoản (quên mật khẩu rồi đăng ký lại), gộp tài khoản trùng vào tài khoản {keep}: mọi lượt thi chuyển sang {keep}, tài khoản trùng bị xóa và người đó chỉ được tính một lần.",
    en: "When one person has two accounts (a forgotten password, a second sign-up), merge the duplicate into {keep}: every attempt moves to {keep}, the duplicate is deleted and the person counts once.",
  },
  "merge.duplicate": { vi: "Tên đăng nhập của tài khoản trùng", en: "Username of the duplicate account" },
  "merge.preview": { vi: "Xem trước", en: "Preview" },
  "merge.keepCard": { vi: "Giữ lại", en: "Kept" },
  "merge.duplicateCard": { vi: "Gộp vào rồi xóa", en: "Merged, then deleted" },
  "merge.attempts": { vi: "{count} lượt thi", en: "{count} attempts" },
  "merge.consequence": {
    vi: "Chuyển {attempts} lượt thi của {duplicate} sang {keep} ({shared} vòng thi cả hai cùng làm sẽ được đánh số lại theo thời gian bắt đầu), rồi xóa hẳn tài khoản {duplicate}? Không thể hoàn tác.",
    en: "Move {attempts} attempts of {duplicate} to {keep} ({shared} rounds both took are renumbered by start time), then delete the account {duplicate} for good? This cannot be undone.",
  },
  "merge.confirmYes": { vi: "Gộp và xóa tài khoản trùng", en: "Merge and delete the duplicate" },
  "merge.submit": { vi: "Gộp tài khoản", en: "Merge the accounts" },
  "merge.done": {
    vi: "Đã gộp {duplicate} vào {keep}: {attempts} lượt thi đã chuyển, {rounds} vòng được đánh số lại.",
    en: "{duplicate} was merged into {keep}: {attempts} attempts moved, {rounds} rounds renumbered.",
  },
  "merge.error.duplicateRequired": { vi: "Nhập tên đăng nhập của tài khoản trùng.", en: "Enter the duplicate account's username." },
  "merge.error.noSuchAccount": { vi: "Không có tài khoản nào tên đăng nhập “{username}”.", en: "There is no account with the username “{username}”." },
  "merge.error.same": { vi: "Không thể gộp một tài khoản vào chính nó.", en: "An account cannot be merged into itself." },
  "merge.error.staff": {
    vi: "Chỉ gộp được hai tài khoản người dự thi; tài khoản cán bộ thì đổi vai trò hoặc khóa.",
    en: "Only two participant accounts can be merged; change a staff account's role or disable it instead.",
  },
  "merge.error.running": {
    vi: "Tài khoản trùng đang làm dở vòng thi “{round}”. Gộp lại sau khi lượt thi đó kết thúc.",
    en: "The duplicate account is in the middle of the round “{round}”. Merge once that attempt has ended.",
  },

  "unitPeriod.lastDay": { vi: "Ngày cuối cùng đơn vị tồn tại", en: "Last day the unit existed" },
  "unitPeriod.lastDayHint": {
    vi: "Ngày cuối cùng đơn vị còn tồn tại; để trống nếu đơn vị vẫn tồn tại đến nay.",
    en: "The last day the unit existed; leave empty if it still exists.",
  },
  "unitPeriod.save": { vi: "Lưu ngày kết thúc", en: "Save the end" },
  "unitPeriod.closed": { vi: "{name} tồn tại đến hết ngày {date}.", en: "{name} existed until the end of {date}." },
  "unitPeriod.reopened": { vi: "{name} được ghi là vẫn tồn tại đến nay.", en: "{name} is recorded as existing today." },
  "unitPeriod.error.date": { vi: "Ngày không hợp lệ.", en: "Not a valid date." },
  "unitPeriod.error.beforeStart": {
    vi: "Ngày kết thúc phải sau ngày đơn vị bắt đầu tồn tại.",
    en: "The last day must come after the day the unit began.",
  },
  "unitPeriod.error.outlivesParent": {
    vi: "Đơn vị cấp trên chỉ tồn tại đến hết {date}; đơn vị này không thể tồn tại lâu hơn. Chuyển nó sang đơn vị cấp trên mới trước.",
    en: "The unit above it existed only until {date}; this unit cannot outlast it. Move it under the new unit first.",
  },
  "unitPeriod.error.childrenOutlive": {
    vi: "{count} đơn vị trực thuộc vẫn tồn tại sau ngày đó. Chuyển chúng sang đơn vị khác hoặc kết thúc chúng trước.",
    en: "{count} units under it still exist after that day. Move them elsewhere or end them first.",
  },

  "unitRequests.relinked": { vi: "Hồ sơ của {pupil} đã chuyển sang {name}.", en: "{pupil}'s profile now points at {name}." },

});

registerMessages(moreJourneyMessages);
