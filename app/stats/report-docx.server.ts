import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  convertMillimetersToTwip,
  type ParagraphChild,
} from "docx";
import { ChartRun } from "docx/charts";
import { formatNumber } from "~/utils/format";
import { cellText, type ReportModel, type ReportTable } from "./yearly-report";

// The yearly report as a Word document laid out as Decree 30/2020/NĐ-CP asks of an administrative
// document (docs/decisions/017): A4; margins top and bottom 20 mm, left 30 mm, right 15 mm; Times
// New Roman; the header as a two-column table without borders (issuing body and number on the
// left, national motto and place/date on the right); title; body at 14 pt; recipients and the
// signature block side by side at the end. Charts are Word charts with their data embedded, so the
// official can edit them as they edit the text.

const FONT = "Times New Roman";
const NO_BORDERS = {
  top: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  bottom: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  left: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  right: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  insideHorizontal: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  insideVertical: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
};

/** Half-points, as docx wants sizes. */
const pt = (points: number) => points * 2;

function text(value: string, options: { bold?: boolean; italics?: boolean; size?: number } = {}): TextRun {
  return new TextRun({ text: value, font: FONT, bold: options.bold, italics: options.italics, size: pt(options.size ?? 13) });
}

function centred(children: ParagraphChild[], after = 0): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after }, children });
}

function headerBlock(model: ReportModel): Table {
  const cell = (children: Paragraph[], widthPercent: number) =>
    new TableCell({ children, width: { size: widthPercent, type: WidthType.PERCENTAGE }, borders: NO_BORDERS });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          cell(
            [
              centred([text(model.issuerParent, { size: 13 })]),
              centred([text(model.issuer, { bold: true, size: 13 })]),
              centred([text("―――――", { size: 10 })], 120),
              centred([text(model.documentNumber, { size: 13 })]),
            ],
            40,
          ),
          cell(
            [
              centred([text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { bold: true, size: 13 })]),
              centred([text("Độc lập - Tự do - Hạnh phúc", { bold: true, size: 14 })]),
              centred([text("―――――――――――", { size: 10 })], 120),
              centred([text(model.placeAndDate, { italics: true, size: 14 })]),
            ],
            60,
          ),
        ],
      }),
    ],
  });
}

function body(paragraph: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: convertMillimetersToTwip(12.7) },
    spacing: { before: 60, after: 60, line: 300 },
    children: [text(paragraph, { size: 14 })],
  });
}

function dataTable(table: ReportTable): Table {
  const header = new TableRow({
    tableHeader: true,
    children: table.columns.map(
      (column) => new TableCell({ children: [centred([text(column.label, { bold: true, size: 11 })])] }),
    ),
  });
  const rows = table.rows.map(
    (row) =>
      new TableRow({
        children: row.map(
          (value, index) =>
            new TableCell({
              children: [
                new Paragraph({
                  alignment: table.columns[index].kind === "text" ? AlignmentType.LEFT : AlignmentType.RIGHT,
                  children: [text(cellText(value, table.columns[index].kind), { size: 11 })],
                }),
              ],
            }),
        ),
      }),
  );
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows] });
}

function chart(table: ReportTable): Paragraph | null {
  if (table.chartColumn === undefined || table.rows.length === 0) return null;
  const column = table.chartColumn;
  const percent = table.columns[column].kind === "percent";
  const values = table.rows.map((row) => (typeof row[column] === "number" ? (row[column] as number) * (percent ? 100 : 1) : null));
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 120, after: 120 },
    children: [
      new ChartRun({
        type: "bar",
        title: `${table.title.replace(/^Bảng/, "Biểu đồ")} — ${table.columns[column].label}${percent ? " (%)" : ""}`,
        legend: false,
        font: { name: FONT },
        // A horizontal bar chart draws its first category at the bottom; reverse so it reads as the table.
        categories: table.rows.map((row) => String(row[0])).reverse(),
        series: [{ name: table.columns[column].label, values: values.reverse(), color: "0F766E" }],
        transformation: { width: 600, height: Math.min(700, 120 + 22 * table.rows.length) },
      }),
    ],
  });
}

function closingBlock(model: ReportModel): Table {
  const cell = (children: Paragraph[], widthPercent: number) =>
    new TableCell({ children, width: { size: widthPercent, type: WidthType.PERCENTAGE }, borders: NO_BORDERS });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          cell(
            [
              new Paragraph({ children: [text("Nơi nhận:", { bold: true, italics: true, size: 12 })] }),
              ...model.recipients.map(
                (recipient, index) =>
                  new Paragraph({ children: [text(`- ${recipient}${index === model.recipients.length - 1 ? "." : ";"}`, { size: 11 })] }),
              ),
            ],
            50,
          ),
          cell(
            [
              centred([text(model.signerTitle, { bold: true, size: 14 })]),
              centred([text("(Ký, ghi rõ họ tên và đóng dấu)", { italics: true, size: 12 })], 1400),
              centred([text(model.signerName, { bold: true, size: 14 })]),
            ],
            50,
          ),
        ],
      }),
    ],
  });
}

export function reportDocument(model: ReportModel): Document {
  const children: (Paragraph | Table)[] = [
    headerBlock(model),
    centred([text(model.title, { bold: true, size: 14 })], 0),
    centred([text(model.subtitle, { bold: true, size: 14 })], 240),
    body(model.opening),
  ];
  for (const section of model.sections) {
    children.push(new Paragraph({ spacing: { before: 180, after: 60 }, children: [text(section.heading, { bold: true, size: 14 })] }));
    for (const paragraph of section.paragraphs) children.push(body(paragraph));
    for (const table of section.tables) {
      children.push(new Paragraph({ keepNext: true, spacing: { before: 120, after: 60 }, children: [text(table.title, { bold: true, italics: true, size: 13 })] }));
      if (table.rows.length === 0) {
        children.push(body("(Không có số liệu.)"));
        continue;
      }
      const skipped = table.documentSkipsZeroRows ? table.rows.filter((row) => row[1] === 0).length : 0;
      children.push(dataTable(skipped > 0 ? { ...table, rows: table.rows.filter((row) => row[1] !== 0) } : table));
      if (skipped > 0) children.push(body(`(${formatNumber(skipped, "vi")} đơn vị chưa có người tham gia được liệt kê trong tệp Excel kèm theo.)`));
      const drawn = chart(table);
      if (drawn) children.push(drawn);
    }
  }
  children.push(body(model.closing), new Paragraph({ spacing: { after: 240 }, children: [] }), closingBlock(model));
  return new Document({
    creator: model.issuer,
    title: `${model.title} ${model.subtitle}`,
    styles: { default: { document: { run: { font: FONT, size: pt(14) } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
            margin: {
              top: convertMillimetersToTwip(20),
              bottom: convertMillimetersToTwip(20),
              left: convertMillimetersToTwip(30),
              right: convertMillimetersToTwip(15),
            },
          },
        },
        children,
      },
    ],
  });
}

export function reportDocx(model: ReportModel): Promise<Buffer> {
  return Packer.toBuffer(reportDocument(model));
}
