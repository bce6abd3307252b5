import { defineMessages } from "../define-messages";

export const commonMessages = defineMessages({
  "app.name": { vi: "Sân chơi ASEAN", en: "ASEAN Playground" },
  "app.tagline": {
    vi: "Nền tảng thi tìm hiểu về ASEAN cho học sinh, sinh viên và thanh niên",
    en: "The platform for 'Learn about ASEAN' contests for pupils, students and young people",
  },
  // Files made in a worker thread (app/utils/task-worker.server.ts): exports, the yearly report.
  "export.file.busy": {
    vi: "Máy chủ đang lập các tệp khác. Vui lòng thử lại sau ít giây.",
    en: "The server is making other files. Please try again in a few seconds.",
  },
  "export.file.failed": {
    vi: "Không lập được tệp. Vui lòng thử lại; nếu vẫn lỗi, hãy báo quản trị viên.",
    en: "The file could not be made. Please try again; if it fails again, tell the administrator.",
  },
  "nav.home": { vi: "Trang chủ", en: "Home" },
  "nav.signIn": { vi: "Đăng nhập", en: "Sign in" },
  "nav.signUp": { vi: "Đăng ký", en: "Sign up" },
  "nav.signOut": { vi: "Đăng xuất", en: "Sign out" },
  "nav.menu": { vi: "Menu", en: "Menu" },
  "nav.admin": { vi: "Quản trị", en: "Admin" },
  "nav.adminUsers": { vi: "Tài khoản", en: "Accounts" },
  "nav.adminUnits": { vi: "Đơn vị", en: "Units" },
  "nav.organizer": { vi: "Ban tổ chức", en: "Organizer" },
  "nav.host": { vi: "Dẫn chương trình", en: "Host" },
  "nav.teacher": { vi: "Giáo viên", en: "Teacher" },
  "nav.participant": { vi: "Của tôi", en: "My page" },
  "nav.joinGame": { vi: "Vào trò chơi", en: "Join a game" },
  "language.label": { vi: "Ngôn ngữ", en: "Language" },
  "language.vi": { vi: "Tiếng Việt", en: "Tiếng Việt" },
  "language.en": { vi: "English", en: "English" },
  "role.admin": { vi: "Quản trị viên", en: "Administrator" },
  "role.organizer": { vi: "Ban tổ chức", en: "Organizer" },
  "role.host": { vi: "Người dẫn chương trình", en: "Host" },
  "role.teacher": { vi: "Giáo viên", en: "Teacher" },
  "role.participant": { vi: "Người dự thi", en: "Participant" },
  "home.title": { vi: "Sân chơi tìm hiểu về ASEAN", en: "The 'Learn about ASEAN' playground" },
  // The home page names the organiser and broadcaster from /admin/organisation.
  "homeOrg.intro": {
    vi: "Sân chơi ASEAN là nơi {organizer} tổ chức các cuộc thi tìm hiểu về Cộng đồng ASEAN cho học sinh, sinh viên và thanh niên, và là nơi {broadcaster} tổ chức các trò chơi trực tiếp trên sóng.",
    en: "ASEAN Playground is where {organizer} runs contests about the ASEAN Community for pupils, students and young people, and where {broadcaster} hosts live quiz games on air.",
  },
  "homeOrg.introNoBroadcaster": {
    vi: "Sân chơi ASEAN là nơi {organizer} tổ chức các cuộc thi tìm hiểu về Cộng đồng ASEAN và các trò chơi trực tiếp cho học sinh, sinh viên và thanh niên.",
    en: "ASEAN Playground is where {organizer} runs contests about the ASEAN Community and live quiz games for pupils, students and young people.",
  },
  "home.forStudents.title": { vi: "Học sinh, sinh viên, thanh niên", en: "Pupils, students, young people" },
  "home.forStudents.body": {
    vi: "Vào trò chơi trực tiếp bằng mã PIN, không cần tài khoản; đăng ký một lần để dự các vòng thi trực tuyến của tỉnh.",
    en: "Join a live game with a PIN, no account needed; register once for the province's online contest rounds.",
  },
  "home.forTeachers.title": { vi: "Giáo viên", en: "Teachers" },
  "home.forTeachers.body": {
    vi: "Tạo vòng thi cho trường, lớp từ ngân hàng câu hỏi; xem và xuất kết quả của học sinh.",
    en: "Create rounds for your school or class from the question bank; see and export your pupils' results.",
  },
  "home.forHosts.title": { vi: "Đài Phát thanh và Truyền hình", en: "Radio-television station" },
  "home.forHosts.body": {
    vi: "Dẫn trò chơi trực tiếp với hàng nghìn người chơi, màn hình 1920×1080 cho sóng truyền hình, thể thức loại trực tiếp kiểu “Rung chuông vàng”.",
    en: "Host live games with thousands of players, a 1920×1080 screen for broadcast, and a 'Golden Bell' elimination format.",
  },
  "home.forOrganizers.title": { vi: "Ban tổ chức", en: "Organizers" },
  "home.forOrganizers.body": {
    vi: "Tổ chức cuộc thi toàn tỉnh, duyệt câu hỏi, xem thống kê theo xã/phường, trường và xuất báo cáo hằng năm.",
    en: "Run the province-wide contest, review questions, see statistics by commune and school, export the yearly report.",
  },
  "home.joinCta": { vi: "Vào trò chơi bằng mã PIN", en: "Join a game with a PIN" },
  "error.title": { vi: "Đã có lỗi xảy ra", en: "Something went wrong" },
  "error.notFound": { vi: "Không tìm thấy trang này.", en: "This page was not found." },
  "error.forbidden": { vi: "Bạn không có quyền xem trang này.", en: "You are not allowed to see this page." },
  "error.generic": {
    vi: "Xin lỗi, hệ thống gặp sự cố. Vui lòng thử lại sau ít phút.",
    en: "Sorry, something failed on our side. Please try again in a few minutes.",
  },
  "error.backHome": { vi: "Về trang chủ", en: "Back to the home page" },
  "form.save": { vi: "Lưu", en: "Save" },
  "form.cancel": { vi: "Hủy", en: "Cancel" },
  "form.required": { vi: "Vui lòng điền mục này.", en: "Please fill in this field." },
  "form.fixErrors": { vi: "Vui lòng sửa các lỗi bên dưới.", en: "Please fix the errors below." },
  "dashboard.welcome": { vi: "Xin chào, {name}", en: "Hello, {name}" },
  "dashboard.youAre": { vi: "Vai trò của bạn: {role}", en: "Your role: {role}" },
});
