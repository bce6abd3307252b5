import { writeFileSync } from "node:fs";
import { questionSchema, questionToYaml } from "~/bank/question-file";
import { fileOf, REVIEWER, DATE } from "./tmp-edit-lib";

const merged = {
  title: "Bắc Ninh có 99 xã, phường sau sắp xếp",
  publisher: "phobienphapluat.vn",
  date: "2025-06-22",
};
const all = ["lower-secondary", "upper-secondary", "university", "young-workers", "public"] as const;
const base = { topic: "province-and-asean", type: "single" as const, locality: "bn" };
const note = (why: string) => ({ by: REVIEWER, date: DATE, note: `New question on the merged province, from units-2025.md: ${why}` });

const questions = [
  {
    ...base, id: "province-and-asean-0052", difficulty: "easy", audiences: [...all],
    prompt: { vi: "Từ ngày 1/7/2025, tỉnh Bắc Giang (cũ) hợp nhất với một tỉnh láng giềng thành tỉnh mới mang tên gì?", en: "From 1 July 2025 the former Bắc Giang province merged with a neighbouring province into a new province named what?" },
    options: [
      { vi: "Tỉnh Bắc Ninh", en: "Bắc Ninh province", correct: true },
      { vi: "Tỉnh Hà Bắc", en: "Hà Bắc province" },
      { vi: "Tỉnh Kinh Bắc", en: "Kinh Bắc province" },
      { vi: "Tỉnh Bắc Giang", en: "Bắc Giang province" },
    ],
    explanation: { vi: "Theo nghị quyết sắp xếp đơn vị hành chính năm 2025, tỉnh Bắc Ninh và tỉnh Bắc Giang hợp nhất thành tỉnh Bắc Ninh từ ngày 1/7/2025. Hà Bắc là tên tỉnh chung của hai tỉnh trong giai đoạn 1963–1997.", en: "Under the 2025 arrangement of administrative units, Bắc Ninh and Bắc Giang merged into one province named Bắc Ninh from 1 July 2025. Hà Bắc was the name of the joint province from 1963 to 1997." },
    source: { ...merged, locator: "opening paragraphs" },
    review: note("the merged province is named Bắc Ninh (phobienphapluat.vn, 22 June 2025). Hà Bắc is the common misconception used as a distractor."),
  },
  {
    ...base, id: "province-and-asean-0053", difficulty: "medium", audiences: ["upper-secondary", "university", "young-workers", "public"],
    prompt: { vi: "Tỉnh Bắc Ninh sau sắp xếp năm 2025 (hợp nhất Bắc Ninh và Bắc Giang cũ) có bao nhiêu đơn vị hành chính cấp xã?", en: "How many commune-level units does Bắc Ninh province have after the 2025 arrangement (the former Bắc Ninh and Bắc Giang merged)?" },
    options: [
      { vi: "99", correct: true },
      { vi: "89" },
      { vi: "109" },
      { vi: "119" },
    ],
    explanation: { vi: "Tỉnh Bắc Ninh sau sắp xếp có 99 đơn vị hành chính cấp xã, gồm 66 xã và 33 phường.", en: "After the arrangement Bắc Ninh province has 99 commune-level units: 66 communes and 33 wards." },
    source: { ...merged, locator: "opening paragraphs and the table of the 99 units" },
    review: note("99 commune-level units, 66 xã and 33 phường."),
  },
  {
    ...base, id: "province-and-asean-0054", difficulty: "medium", audiences: [...all], type: "true-false" as const,
    prompt: { vi: "Từ ngày 1/7/2025, trung tâm hành chính – chính trị của tỉnh Bắc Ninh mới đặt tại địa bàn tỉnh Bắc Giang (cũ).", en: "Since 1 July 2025 the administrative and political seat of the new Bắc Ninh province has been in the former Bắc Giang province." },
    options: [
      { vi: "Đúng", en: "True", correct: true },
      { vi: "Sai", en: "False" },
    ],
    explanation: { vi: "Tỉnh mới mang tên Bắc Ninh nhưng trung tâm hành chính – chính trị đặt tại tỉnh Bắc Giang (cũ).", en: "The new province is named Bắc Ninh, but its administrative and political seat is in the former Bắc Giang province." },
    source: { ...merged, locator: "opening paragraphs" },
    review: note("the merged province's seat is in the former Bắc Giang."),
  },
  {
    ...base, id: "province-and-asean-0055", difficulty: "hard", audiences: ["upper-secondary", "university", "young-workers", "public"],
    prompt: { vi: "Trước khi được tái lập riêng năm 1997, Bắc Ninh và Bắc Giang (từ năm 1963) từng là một tỉnh mang tên gì?", en: "Before they were re-established separately in 1997, Bắc Ninh and Bắc Giang were one province (from 1963). What was it called?" },
    options: [
      { vi: "Hà Bắc", en: "Hà Bắc", correct: true },
      { vi: "Kinh Bắc", en: "Kinh Bắc" },
      { vi: "Bắc Thái", en: "Bắc Thái" },
      { vi: "Hà Sơn Bình", en: "Hà Sơn Bình" },
    ],
    explanation: { vi: "Từ năm 1963 hai tỉnh Bắc Ninh và Bắc Giang hợp nhất thành tỉnh Hà Bắc; năm 1997 tái lập thành hai tỉnh. Kinh Bắc là tên gọi vùng đất xưa; Bắc Thái và Hà Sơn Bình là những tỉnh hợp nhất khác cùng thời kỳ.", en: "From 1963 Bắc Ninh and Bắc Giang formed Hà Bắc province; they were re-established separately in 1997. Kinh Bắc is the old name of the region; Bắc Thái and Hà Sơn Bình were other merged provinces of that period." },
    source: { ...merged, locator: "opening paragraphs (history of the name)" },
    review: note("Hà Bắc 1963–1997."),
  },
  {
    ...base, id: "province-and-asean-0056", difficulty: "easy", audiences: [...all], locality: undefined,
    prompt: { vi: "Theo Nghị quyết Quốc hội thông qua ngày 12/6/2025, từ ngày 1/7/2025 cả nước có bao nhiêu đơn vị hành chính cấp tỉnh?", en: "Under the National Assembly resolution passed on 12 June 2025, how many provincial-level units has Viet Nam had since 1 July 2025?" },
    options: [
      { vi: "34", correct: true },
      { vi: "63" },
      { vi: "30" },
      { vi: "36" },
    ],
    explanation: { vi: "Nghị quyết sắp xếp đơn vị hành chính cấp tỉnh (thông qua ngày 12/6/2025) đưa cả nước từ 63 xuống 34 đơn vị hành chính cấp tỉnh: 28 tỉnh và 6 thành phố trực thuộc trung ương.", en: "The resolution on arranging provincial-level units (passed on 12 June 2025) took the country from 63 to 34 provincial-level units: 28 provinces and 6 centrally-run cities." },
    source: { title: "Quốc hội thông qua Nghị quyết 'lịch sử' sáp nhập tỉnh, thành", publisher: "baomoi.net.vn (nguồn: baokiemtoan.vn)", date: "2025-06-12", locator: "paragraph 1" },
    review: note("34 provincial-level units (28 provinces, 6 cities) from the resolution of 12 June 2025."),
  },
];
for (const raw of questions) {
  const q = questionSchema.parse(raw);
  writeFileSync(fileOf(q.id), questionToYaml(q), "utf8");
}
