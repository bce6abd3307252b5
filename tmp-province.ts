import { edit, retire, ids, load, save, opts } from "./tmp-edit-lib";

const PLAN_VI = /(tỉnh Bắc Giang)(?! \(cũ\))/u;
const inTime = (vi: string) => vi.replace("của tỉnh Bắc Giang", "của tỉnh Bắc Giang (cũ)");
const inTimeEn = (en: string | undefined) =>
  en?.replace("Bắc Giang's plan", "the former Bắc Giang province's plan").replace(/^the former/, "The former");

// Plan-internal details (which department does what, deadlines, funding): for the officials and
// young workers who carry the plan out, not for pupils (rubric: audience).
const PLAN_DETAIL = new Set(["0011","0012","0015","0016","0017","0018","0019","0020","0021","0022","0023","0024","0027","0029","0030","0031","0035","0038","0039","0040","0041","0044","0045","0051","0004","0005","0010","0042","0043","0002"]);

const retired: Record<string, string> = {
  "0003": "Retired: the three distractors are self-evidently wrong (\"Chỉ ...\", \"không tham gia\"), and the plan's own alternatives could not be checked to write fair ones.",
  "0006": "Retired: both wrong options (nuclear power, mining in outer space) are ones nobody would choose; the plan's list could not be re-read to write plausible ones.",
  "0007": "Retired: the wrong options (tax exemption, no passports anywhere) are absurd; fair ones need the plan's full list, not re-read.",
  "0011": "Retired: the key is three times as long and as precise as the throw-away distractors (primary pupils, retirees, tourists).",
  "0013": "Retired: the key is a 160-character quotation against one-line \"Chỉ ...\" distractors: a give-away by length and by the word \"chỉ\".",
  "0026": "Retired: distractors (lychee care, traffic law, SEA Games fixtures) are not plausible for a conference on ASEAN integration.",
  "0028": "Retired: the stem's \"quan hệ hữu nghị\" names the key (Liên hiệp các tổ chức hữu nghị) and the distractors are unrelated offices.",
  "0032": "Retired: the distractors (judging quizzes, replacing the provincial paper's reporters, competing at the SEA Games) are not plausible.",
  "0033": "Retired: the distractors (lottery results, weather forecast, football tables) are jokes, and the key is twice as long.",
  "0034": "Retired: the stem asks for bodies \"của tỉnh\" and only the key is provincial; plan-internal detail.",
  "0036": "Retired: three \"Chỉ ...\" distractors give the key away.",
  "0037": "Retired: three \"Chỉ ...\" distractors give the key away, and the key is twice as long.",
};

for (const id of ids("province-and-asean")) {
  const short = id.slice(-4);
  const q = load(id);
  if (q.status === "retired") continue;
  if (retired[short]) {
    q.status = "retired";
    q.locality = "bg";
    save(q, retired[short]);
    continue;
  }
  const notes: string[] = [];
  if (PLAN_VI.test(q.prompt.vi) && q.prompt.vi.includes("của tỉnh Bắc Giang")) {
    q.prompt.vi = inTime(q.prompt.vi);
    q.prompt.en = inTimeEn(q.prompt.en);
    notes.push("Prompt puts the province in time: tỉnh Bắc Giang (cũ), merged into Bắc Ninh on 1 July 2025 (units-2025.md).");
  }
  if (PLAN_DETAIL.has(short)) {
    q.audiences = ["young-workers", "public"];
    notes.push("Audience: a detail of one provincial plan, for officials and young workers, not pupils.");
  }
  if (q.locality === "bac-giang") {
    q.locality = "bg";
    notes.push("Locality bg (former Bắc Giang, until 1 July 2025).");
  }
  if (short === "0008") {
    q.prompt.vi = "Sản phẩm nông sản nổi tiếng nhất của vùng Lục Ngạn (thuộc tỉnh Bắc Giang cũ, nay là tỉnh Bắc Ninh), đặc sản được quảng bá và xuất khẩu ra nhiều nước, là gì?";
    q.prompt.en = "What is the best-known farm product of the Lục Ngạn area (in the former Bắc Giang province, now Bắc Ninh), a speciality promoted and exported to many countries?";
    notes.push("Prompt says where Lục Ngạn is today: the former Bắc Giang, part of Bắc Ninh since 1 July 2025.");
  }
  if (short === "0015") {
    opts(q, ["Kết quả 30 năm Việt Nam gia nhập ASEAN (năm 2025)", "Results of 30 years of Viet Nam's ASEAN membership (2025)"], ["Kết quả 5 năm thực hiện Hiệp định RCEP", "Results of five years of the RCEP Agreement"], ["Kết quả năm Việt Nam làm Chủ tịch ASEAN 2020", "Results of Viet Nam's 2020 ASEAN chairmanship"]);
    notes.push("Distractor \"SEA Games 31\" (not a planning milestone) replaced by another 2025 anniversary.");
  }
  if (short === "0016") {
    opts(q, ["Ngân sách trung ương cấp riêng cho tỉnh", "A dedicated grant from the central budget"], ["Nguồn vốn ODA của các đối tác ASEAN", "ODA from ASEAN partners"], ["Quỹ Hợp tác ASEAN do Ban Thư ký ASEAN quản lý", "An ASEAN cooperation fund run by the ASEAN Secretariat"]);
    notes.push("Distractors rewritten as real funding channels of the same kind, no \"hoàn toàn/chỉ\" cues.");
  }
  if (notes.length > 0) save(q, notes.join(" "));
}
