import { defineMessages } from "../define-messages";

// The role home pages' figures at a glance, and the name of the level under the province.
export const statsGlanceMessages = defineMessages({
  "stats.glance.title": { vi: "Số liệu năm {year}", en: "Figures for {year}" },
  "stats.glance.completionRate": { vi: "Tỉ lệ nộp bài năm nay", en: "Completion rate this year" },
  "stats.glance.averageScore": { vi: "Điểm trung bình năm nay (tỉ lệ đúng)", en: "Average score this year (share correct)" },
  "stats.glance.livePlayers": { vi: "Người chơi trực tiếp năm nay", en: "Live players this year" },
  "stats.level.both": { vi: "Huyện hoặc xã/phường", en: "District or commune/ward" },
});
