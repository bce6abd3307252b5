import { defineMessages } from "../define-messages";

export const opsMessages = defineMessages({
  "ops.nav": { vi: "Vận hành", en: "Operations" },
  "ops.title": { vi: "Theo dõi vận hành", en: "Operations at a glance" },
  "ops.intro": {
    vi: "Số liệu của máy chủ này, cập nhật mỗi 2 giây. Ngưỡng cần xử lý có trong sổ tay vận hành (docs/operations.md).",
    en: "Figures of this server, updated every 2 seconds. The thresholds that mean act are in the runbook (docs/operations.md).",
  },
  "ops.sockets": { vi: "Kết nối đang mở", en: "Open connections" },
  "ops.answers": { vi: "Câu trả lời đã lưu", en: "Answers stored" },
  "ops.ackP99": { vi: "Xác nhận trả lời (p99)", en: "Answer acknowledgement (p99)" },
  "ops.fanoutP99": { vi: "Gửi câu hỏi tới mọi máy (p99)", en: "Question fan-out (p99)" },
  "ops.loopDelay": { vi: "Độ trễ vòng sự kiện (p99 / tối đa)", en: "Event-loop delay (p99 / max)" },
  "ops.memory": { vi: "Bộ nhớ (RSS / heap)", en: "Memory (RSS / heap)" },
  "ops.uptime": { vi: "Thời gian chạy", en: "Uptime" },
  "ops.ms": { vi: "{value} ms", en: "{value} ms" },
  "ops.mb": { vi: "{value} MB", en: "{value} MB" },
  "ops.minutes": { vi: "{value} phút", en: "{value} min" },
  "ops.none": { vi: "chưa có", en: "none yet" },
  "ops.games": { vi: "Trò chơi đang chạy trên máy chủ này", en: "Games running on this server" },
  "ops.noGames": { vi: "Không có trò chơi nào đang chạy.", en: "No game is running." },
  "ops.game": { vi: "Trò chơi", en: "Game" },
  "ops.phase": { vi: "Giai đoạn", en: "Phase" },
  "ops.players": { vi: "Người chơi (đang kết nối / tổng)", en: "Players (connected / all)" },
  "ops.paused": { vi: "tạm dừng", en: "paused" },
});
