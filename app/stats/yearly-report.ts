import { formatDate, formatNumber, formatPercent } from "~/utils/format";
import type { Counts, Figures } from "./figures";

// The yearly report as data (docs/decisions/017): one model, written out three ways (DOCX for the
// official to edit and sign, an A4 print view, an XLSX with every table). Every participation
// number comes from the counting module's Figures; this file only arranges and words them, in
// Vietnamese, the language of the document the province files.

/** The organisation settings the report needs (getOrganisation of app/units/organisation.server.ts). */
export type ReportOrganisation = {
  organizerName: string;
  reportIssuer: string;
  reportRecipients: string[];
  signerTitle: string;
  signerName: string;
};

export type ColumnKind = "text" | "integer" | "decimal" | "percent";
export type ReportCell = string | number | null;
export type ReportTable = {
  id: string;
  title: string;
  columns: { label: string; kind: ColumnKind }[];
  rows: ReportCell[][];
  /** Drawn as a bar chart of this column against the first. */
  chartColumn?: number;
  /**
   * In the Word document, leave out rows whose participants (column 1) are zero and say how many
   * were left out: a province has hundreds of schools, and the XLSX and print view list them all.
   */
  documentSkipsZeroRows?: boolean;
};
export type ReportSection = { heading: string; paragraphs: string[]; tables: ReportTable[] };

export type ReportModel = {
  year: number;
  unitName: string;
  issuerParent: string;
  issuer: string;
  documentNumber: string;
  placeAndDate: string;
  title: string;
  subtitle: string;
  opening: string;
  sections: ReportSection[];
  closing: string;
  recipients: string[];
  signerTitle: string;
  signerName: string;
};

export type TopicUse = { topic: string; label: string; questions: number; responses: number; correct: number };
export type BestIndividual = { contest: string; rank: number; displayName: string; unitName: string; correct: number; questionCount: number };

export type ReportInput = {
  year: number;
  /** The province or the area the report covers. */
  unitName: string;
  /** Where the document is signed, for "…, ngày … tháng … năm …". */
  placeName: string;
  /** The body above the issuer in the header ("UBND TỈNH BẮC NINH"). */
  issuerParent: string;
  organisation: ReportOrganisation;
  figures: Figures;
  previous: Figures;
  topics: TopicUse[];
  bestIndividuals: BestIndividual[];
};

const AUDIENCE_LABELS: Record<string, string> = {
  "lower-secondary": "Học sinh THCS",
  "upper-secondary": "Học sinh THPT",
  university: "Sinh viên",
  "young-workers": "Thanh niên, người lao động trẻ",
  public: "Người dân",
  unknown: "Không rõ",
};

/** Schools ranked by participants need at least this many to be named among the best by score. */
export const BEST_SCHOOL_MIN_PARTICIPANTS = 10;
export const BEST_SCHOOL_COUNT = 10;

const n = (value: number) => formatNumber(value, "vi");
const pct = (value: number | null) => formatPercent(value, "vi");
/** Fractional participants appear only when figures are mapped onto split units; round for prose. */
const people = (value: number) => formatNumber(Math.round(value * 10) / 10, "vi");

function change(now: number, before: number): string {
  if (before === 0) return now === 0 ? "không đổi" : "năm trước chưa có";
  const delta = (now - before) / before;
  return delta === 0 ? "không đổi" : `${delta > 0 ? "tăng" : "giảm"} ${pct(Math.abs(delta))}`;
}

function countsRow(label: string, counts: Counts): ReportCell[] {
  return [label, counts.participants, counts.attempts, counts.completed, counts.averageScore];
}

const countColumns = (first: string) => [
  { label: first, kind: "text" as const },
  { label: "Người tham gia", kind: "integer" as const },
  { label: "Lượt thi", kind: "integer" as const },
  { label: "Lượt nộp bài", kind: "integer" as const },
  { label: "Điểm trung bình (tỉ lệ đúng)", kind: "percent" as const },
];

export function yearlyReport(input: ReportInput): ReportModel {
  const { figures, previous, year, organisation } = input;
  const totals = figures.totals;
  const live = figures.live.totals;
  const heldRounds = figures.byRound.filter((round) => round.attempts > 0);
  const heldContests = figures.byContest.filter((contest) => contest.attempts > 0);
  const areasWithParticipants = figures.byArea.filter((area) => area.participants > 0).length;
  const schoolsWithParticipants = figures.bySchool.filter((school) => school.participants > 0).length;

  const bestSchools = figures.bySchool
    .filter((school) => school.participants >= BEST_SCHOOL_MIN_PARTICIPANTS && school.averageScore !== null)
    .sort((a, b) => b.averageScore! - a.averageScore! || b.participants - a.participants || a.name.localeCompare(b.name, "vi"))
    .slice(0, BEST_SCHOOL_COUNT);
  const mostParticipating = [...figures.bySchool]
    .filter((school) => school.participants > 0)
    .sort((a, b) => b.participants - a.participants || a.name.localeCompare(b.name, "vi"))
    .slice(0, BEST_SCHOOL_COUNT);

  const sections: ReportSection[] = [
    {
      heading: "I. CÔNG TÁC TỔ CHỨC",
      paragraphs: [
        `Trong năm ${year}, trên địa bàn ${input.unitName} đã tổ chức ${n(heldContests.length)} cuộc thi tìm hiểu về ASEAN với ${n(heldRounds.length)} vòng thi trực tuyến có người tham gia, và ${n(live.gamesHeld)} trò chơi trực tiếp trên sóng phát thanh, truyền hình với ${n(live.players)} lượt người chơi, ${n(live.answers)} câu trả lời (${n(live.correctAnswers)} câu đúng).`,
      ],
      tables: [
        {
          id: "contests",
          title: "Bảng 1. Các cuộc thi và vòng thi",
          columns: countColumns("Cuộc thi / vòng thi"),
          rows: [...heldContests.map((contest) => countsRow(contest.label, contest)), ...heldRounds.map((round) => countsRow(`– ${round.label}`, round))],
        },
        {
          id: "live",
          title: "Bảng 2. Trò chơi trực tiếp trên sóng",
          columns: [
            { label: "Trò chơi", kind: "text" },
            { label: "Ngày", kind: "text" },
            { label: "Người chơi", kind: "integer" },
            { label: "Câu trả lời", kind: "integer" },
            { label: "Câu trả lời đúng", kind: "integer" },
          ],
          rows: figures.live.byGame.map((game) => [game.title, formatDate(game.startedAt), game.players, game.answers, game.correctAnswers]),
        },
      ],
    },
    {
      heading: "II. KẾT QUẢ THAM GIA",
      paragraphs: [
        `Có ${people(totals.participants)} người tham gia với ${n(totals.attempts)} lượt thi, trong đó ${n(totals.completed)} lượt nộp bài (tỉ lệ hoàn thành ${pct(totals.completionRate)}); điểm trung bình đạt ${pct(totals.averageScore)} số câu đúng. Người tham gia đến từ ${n(areasWithParticipants)}/${n(figures.byArea.length)} địa bàn và ${n(schoolsWithParticipants)}/${n(figures.bySchool.length)} trường học, cơ quan, doanh nghiệp.`,
        figures.view === "current"
          ? "Số liệu được quy về các đơn vị hành chính hiện nay; người tham gia ở đơn vị cũ bị chia tách được phân bổ theo tỉ lệ dân số nên có thể là số lẻ."
          : "Số liệu được thống kê theo đơn vị tại thời điểm tham gia.",
        "Tỉ lệ tham gia = số người tham gia ÷ số học sinh, người lao động của đơn vị (hoặc tổng của các đơn vị trực thuộc khi đơn vị không có số liệu); “—” là chưa có số liệu.",
      ],
      tables: [
        {
          id: "areas",
          title: "Bảng 3. Tham gia theo địa bàn",
          columns: [...countColumns("Địa bàn"), { label: "Tỉ lệ tham gia", kind: "percent" }],
          rows: figures.byArea.map((area) => [...countsRow(area.name, area), area.participationRate]),
          chartColumn: 1,
        },
        {
          id: "audiences",
          title: "Bảng 4. Tham gia theo đối tượng",
          columns: countColumns("Đối tượng"),
          rows: figures.byAudience.map((group) => countsRow(AUDIENCE_LABELS[group.key] ?? group.label, group)),
          chartColumn: 1,
        },
        {
          id: "schools",
          title: "Bảng 5. Tham gia theo trường học, cơ quan, doanh nghiệp",
          columns: [...countColumns("Đơn vị"), { label: "Tỉ lệ tham gia", kind: "percent" }],
          rows: figures.bySchool.map((school) => [...countsRow(school.name, school), school.participationRate]),
          documentSkipsZeroRows: true,
        },
      ],
    },
    {
      heading: "III. ĐƠN VỊ VÀ CÁ NHÂN TIÊU BIỂU",
      paragraphs: [
        `Các đơn vị có điểm trung bình cao nhất (từ ${n(BEST_SCHOOL_MIN_PARTICIPANTS)} người tham gia trở lên) và các đơn vị có nhiều người tham gia nhất; cá nhân được ghi theo tên hiển thị trên bảng xếp hạng công khai.`,
      ],
      tables: [
        {
          id: "best-schools",
          title: "Bảng 6. Đơn vị có điểm trung bình cao nhất",
          columns: countColumns("Đơn vị"),
          rows: bestSchools.map((school) => countsRow(school.name, school)),
        },
        {
          id: "most-participating",
          title: "Bảng 7. Đơn vị có nhiều người tham gia nhất",
          columns: [...countColumns("Đơn vị"), { label: "Tỉ lệ tham gia", kind: "percent" }],
          rows: mostParticipating.map((school) => [...countsRow(school.name, school), school.participationRate]),
          chartColumn: 1,
        },
        {
          id: "best-individuals",
          title: "Bảng 8. Cá nhân đạt kết quả cao",
          columns: [
            { label: "Cuộc thi", kind: "text" },
            { label: "Hạng", kind: "integer" },
            { label: "Tên hiển thị", kind: "text" },
            { label: "Đơn vị", kind: "text" },
            { label: "Số câu đúng", kind: "integer" },
          ],
          rows: input.bestIndividuals.map((person) => [person.contest, person.rank, person.displayName, person.unitName, person.correct]),
        },
      ],
    },
    {
      heading: "IV. NỘI DUNG TUYÊN TRUYỀN",
      paragraphs: [
        `Các câu hỏi đã dùng thuộc ${n(input.topics.length)} chủ đề, tổng cộng ${n(input.topics.reduce((sum, topic) => sum + topic.questions, 0))} câu hỏi khác nhau.`,
      ],
      tables: [
        {
          id: "topics",
          title: "Bảng 9. Chủ đề và câu hỏi đã sử dụng",
          columns: [
            { label: "Chủ đề", kind: "text" },
            { label: "Số câu hỏi", kind: "integer" },
            { label: "Lượt trả lời", kind: "integer" },
            { label: "Tỉ lệ trả lời đúng", kind: "percent" },
          ],
          rows: input.topics.map((topic) => [topic.label, topic.questions, topic.responses, topic.responses > 0 ? topic.correct / topic.responses : null]),
          chartColumn: 3,
        },
      ],
    },
    {
      heading: `V. SO SÁNH VỚI NĂM ${year - 1}`,
      paragraphs: [
        `So với năm ${year - 1}, số người tham gia ${change(totals.participants, previous.totals.participants)}, số lượt thi ${change(totals.attempts, previous.totals.attempts)}, số trò chơi trực tiếp ${change(live.gamesHeld, previous.live.totals.gamesHeld)}.`,
      ],
      tables: [
        {
          id: "comparison",
          title: `Bảng 10. So sánh năm ${year} với năm ${year - 1}`,
          columns: [
            { label: "Chỉ tiêu", kind: "text" },
            { label: `Năm ${year - 1}`, kind: "decimal" },
            { label: `Năm ${year}`, kind: "decimal" },
          ],
          rows: [
            ["Người tham gia", previous.totals.participants, totals.participants],
            ["Lượt thi", previous.totals.attempts, totals.attempts],
            ["Lượt nộp bài", previous.totals.completed, totals.completed],
            ["Trò chơi trực tiếp", previous.live.totals.gamesHeld, live.gamesHeld],
            ["Lượt người chơi trực tiếp", previous.live.totals.players, live.players],
          ],
        },
      ],
    },
    {
      heading: "VI. ĐÁNH GIÁ CHUNG VÀ KIẾN NGHỊ",
      paragraphs: ["(Đơn vị bổ sung nhận xét, đánh giá, khó khăn, vướng mắc và kiến nghị.)"],
      tables: [],
    },
  ];

  return {
    year,
    unitName: input.unitName,
    issuerParent: input.issuerParent.toUpperCase(),
    issuer: organisation.reportIssuer.toUpperCase(),
    documentNumber: "Số:      /BC-……",
    placeAndDate: `${input.placeName}, ngày      tháng      năm ${year}`,
    title: "BÁO CÁO",
    subtitle: `Kết quả tổ chức các cuộc thi, trò chơi tìm hiểu về ASEAN năm ${year}`,
    opening: `Thực hiện Kế hoạch triển khai Chương trình hành động của Chính phủ về tuyên truyền, quảng bá ASEAN giai đoạn 2021-2025, tầm nhìn 2030 (Quyết định số 1160/QĐ-TTg ngày 13/7/2021 của Thủ tướng Chính phủ), ${organisation.reportIssuer} báo cáo kết quả tổ chức các cuộc thi, trò chơi tìm hiểu về ASEAN năm ${year} trên địa bàn ${input.unitName} như sau:`,
    sections,
    closing: `Trên đây là báo cáo kết quả tổ chức các cuộc thi, trò chơi tìm hiểu về ASEAN năm ${year} của ${organisation.reportIssuer}./.`,
    recipients: [...organisation.reportRecipients, "Lưu: VT"],
    signerTitle: organisation.signerTitle.toUpperCase(),
    signerName: organisation.signerName,
  };
}

/** A cell as text, the way the DOCX and the print view show it. */
export function cellText(value: ReportCell, kind: ColumnKind): string {
  if (value === null) return "—";
  if (typeof value === "string") return value;
  if (kind === "percent") return pct(value);
  if (kind === "decimal") return people(value);
  return n(value);
}
