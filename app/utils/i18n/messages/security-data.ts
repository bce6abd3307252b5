import { defineMessages } from "../define-messages";

// Messages of the upload parse worker, the XLSX bounds, safe exports, contest integrity and
// personal data (issue 8; docs/security.md, "Imports, exports, contest integrity and personal data").
export const securityDataMessages = defineMessages({
  "bank.issue.upload-too-slow": {
    vi: "Tệp này mất quá nhiều thời gian để đọc nên đã bị từ chối. Hãy chia nhỏ tệp hoặc kiểm tra lại nội dung.",
    en: "This file took too long to read and was refused. Split it or check its content.",
  },
  "bank.issue.upload-too-large-in-memory": {
    vi: "Tệp này cần quá nhiều bộ nhớ để đọc nên đã bị từ chối. Hãy chia nhỏ tệp.",
    en: "This file needs too much memory to read and was refused. Split it into smaller files.",
  },
  "bank.issue.upload-server-busy": {
    vi: "Máy chủ đang đọc các tệp khác. Vui lòng thử lại sau ít phút.",
    en: "The server is reading other files. Please try again in a few minutes.",
  },
  "bank.issue.xlsx-too-large-unpacked": {
    vi: "Tệp XLSX khi giải nén lớn khoảng {megabytes} MB, vượt giới hạn {maximum} MB. Hãy chia nhỏ tệp.",
    en: "Unpacked, this XLSX file is about {megabytes} MB, past the limit of {maximum} MB. Split it.",
  },
  "bank.issue.xlsx-too-many-cells": {
    vi: "Trang tính có {cells} ô, vượt giới hạn {maximum} ô. Hãy xoá các hàng, cột thừa hoặc chia nhỏ tệp.",
    en: "The sheet has {cells} cells, past the limit of {maximum}. Delete unused rows and columns or split the file.",
  },
  "upload.tooSlow": {
    vi: "Tệp này mất quá nhiều thời gian để đọc nên đã bị từ chối. Hãy chia nhỏ tệp hoặc kiểm tra lại nội dung.",
    en: "This file took too long to read and was refused. Split it or check its content.",
  },
  "upload.tooMuchMemory": {
    vi: "Tệp này cần quá nhiều bộ nhớ để đọc nên đã bị từ chối. Hãy chia nhỏ tệp.",
    en: "This file needs too much memory to read and was refused. Split it into smaller files.",
  },
  "upload.busy": {
    vi: "Máy chủ đang đọc các tệp khác. Vui lòng thử lại sau ít phút.",
    en: "The server is reading other files. Please try again in a few minutes.",
  },
  "upload.failed": { vi: "Không đọc được tệp.", en: "The file could not be read." },
  "contest.staffCannotCompete": {
    vi: "Tài khoản cán bộ (quản trị, ban tổ chức, dẫn chương trình, giáo viên) không được đăng ký hay tham gia các vòng thi. Hãy dùng một tài khoản thí sinh.",
    en: "Staff accounts (admin, organizer, host, teacher) cannot register for or take contest rounds. Use a participant account.",
  },
  "myData.staffCannotDelete": {
    vi: "Tài khoản cán bộ không thể tự xoá. Hãy đề nghị một quản trị viên khác đóng tài khoản này.",
    en: "A staff account cannot delete itself. Ask another administrator to close it.",
  },
  "publicBoard.hiddenName": { vi: "Thí sinh ẩn danh", en: "Anonymous participant" },
  "publicBoard.topOf": {
    vi: "Hiển thị {shown} thí sinh đứng đầu trong số {count} thí sinh của đơn vị.",
    en: "Showing the top {shown} of the unit's {count} participants.",
  },
  "myData.hideName": { vi: "Ẩn tên tôi trên các bảng xếp hạng công khai", en: "Hide my name on public leaderboards" },
  "myData.hideNameHint": {
    vi: "Bảng xếp hạng công khai sẽ ghi “Thí sinh ẩn danh” thay cho tên bạn; giáo viên và ban tổ chức vẫn thấy tên bạn.",
    en: "Public boards will show “Anonymous participant” instead of your name; your teachers and the organizers still see it.",
  },
  "myData.save": { vi: "Lưu", en: "Save" },
  "attempt.review.withheld": {
    vi: "Đáp án và giải thích của câu này sẽ được công bố khi mọi vòng thi khác có thể ra câu hỏi này đã kết thúc.",
    en: "The answer and explanation of this question will be shown once every other round that may still ask it has closed.",
  },
});
