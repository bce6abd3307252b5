import { expect, test } from "@playwright/test";
import { signedIn } from "./sign-in";

// The question bank's web side: edit → another organizer approves → release → view as in a
// release; diacritic-free search; an import that is refused whole with its line number.

const QUESTION = "asean-basics-0001";
const NEW_PROMPT = "ASEAN được thành lập vào ngày, tháng, năm nào tại Bangkok?";

test("btc edits a question, btc2 approves it and releases 2026.3; each release shows its own text", async ({ browser }) => {
  const btc = await signedIn(browser, "btc", "asean-btc");
  await btc.goto(`/bank/${QUESTION}`);
  const oldPrompt = (await btc.getByTestId("prompt-vi").textContent()) ?? "";
  expect(oldPrompt).not.toBe("");

  await btc.getByRole("link", { name: "Sửa câu hỏi" }).click();
  await btc.getByLabel("Câu hỏi (tiếng Việt)").fill(NEW_PROMPT);
  await btc.getByRole("button", { name: "Lưu bản nháp" }).click();
  await expect(btc.getByRole("status").filter({ hasText: "Đã lưu bản nháp 2" })).toBeVisible();
  await expect(btc.getByTestId("prompt-vi")).toHaveText(NEW_PROMPT);

  // The author cannot approve their own draft.
  await btc.goto("/bank/review");
  await btc.getByRole("button", { name: `Duyệt bản 2 của ${QUESTION}` }).click();
  await expect(btc.getByRole("alert")).toHaveText(
    "Bạn là người soạn bản nháp này nên không thể tự duyệt. Cần một thành viên ban tổ chức khác duyệt.",
  );

  const btc2 = await signedIn(browser, "btc2", "asean-btc2");
  await btc2.goto("/bank/review");
  await btc2.getByRole("button", { name: `Duyệt bản 2 của ${QUESTION}` }).click();
  await expect(btc2.getByRole("status")).toHaveText(`Đã duyệt bản 2 của ${QUESTION}.`);

  await btc2.goto("/bank/releases");
  await btc2.getByLabel("Tên bản phát hành").fill("2026.3");
  await btc2.getByRole("button", { name: "Tạo bản phát hành" }).click();
  await expect(btc2.getByRole("status")).toContainText("Đã tạo bản phát hành 2026.3");
  await expect(btc2.getByRole("cell", { name: "2026.3", exact: true })).toBeVisible();

  await btc.goto(`/bank/${QUESTION}`);
  const releases = btc.getByRole("navigation", { name: "Xem như trong bản phát hành" });
  await releases.getByRole("link", { name: "2026.3", exact: true }).click();
  await expect(btc.getByText("Như trong bản phát hành 2026.3: bản 2")).toBeVisible();
  await expect(btc.getByTestId("prompt-vi")).toHaveText(NEW_PROMPT);
  await releases.getByRole("link", { name: "2026.1", exact: true }).click();
  await expect(btc.getByText("Như trong bản phát hành 2026.1: bản 1")).toBeVisible();
  await expect(btc.getByTestId("prompt-vi")).toHaveText(oldPrompt);

  // The history names the author and the reviewer; the diff marks the changed words.
  await expect(btc.getByRole("row", { name: /^2 Đã phát hành Ban tổ chức cuộc thi Ban tổ chức \(Đài PTTH\)/ })).toBeVisible();
  await releases.getByRole("link", { name: "Bản mới nhất" }).click();
  await expect(btc.getByText("Đang xem bản 2 (Đã phát hành)")).toBeVisible();
  await expect(btc.getByRole("row", { name: /^prompt\.vi/ }).locator("ins", { hasText: "Bangkok?" })).toBeVisible();
});

test("a search typed without diacritics finds the Vietnamese question", async ({ browser }) => {
  const teacher = await signedIn(browser, "giaovien", "asean-teacher");
  await teacher.goto("/bank");
  await teacher.getByLabel("Tìm trong câu hỏi và phương án").fill("hiep dinh thanh lap ban thu ky");
  await teacher.getByRole("button", { name: "Lọc" }).click();
  await expect(teacher.getByRole("link", { name: "Hiệp định thành lập Ban Thư ký ASEAN được ký vào năm nào?" })).toBeVisible();
  await expect(teacher.getByRole("status")).toHaveText("1 câu hỏi");

  // The CSV download holds the filtered questions, in the bank's layout.
  const download = teacher.waitForEvent("download");
  await teacher.getByRole("link", { name: "Tải CSV" }).click();
  const csv = await (await download).createReadStream().then(async (stream) => {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  });
  // Every field quoted: Vietnamese Excel splits a CSV on ";" as well as "," (docs/security.md).
  expect(csv.startsWith('\uFEFF"id","topic","subtopic",')).toBe(true);
  const lines = csv.trim().split("\r\n");
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain("Hiệp định thành lập Ban Thư ký ASEAN được ký vào năm nào?");
});

test("a malformed GIFT file shows its line number and imports nothing", async ({ browser }) => {
  const btc = await signedIn(browser, "btc", "asean-btc");
  await btc.goto("/bank");
  const before = await btc.getByRole("status").textContent();

  await btc.goto("/bank/import");
  await btc.getByLabel("Định dạng tệp").selectOption({ label: "Moodle GIFT" });
  const gift = [
    "::ok:: Hiệp định ATIGA có hiệu lực năm nào? {=2010 ~2005 ~2015 ####Có hiệu lực từ 17/5/2010.}",
    "",
    "::broken:: Câu hỏi thiếu dấu ngoặc đóng {=Có ~Không",
    "",
  ].join("\n");
  await btc.getByLabel("Tệp câu hỏi").setInputFiles({ name: "quiz.gift.txt", mimeType: "text/plain", buffer: Buffer.from(gift, "utf8") });
  await btc.getByLabel("Chủ đề").selectOption({ label: "Cộng đồng Kinh tế ASEAN" });
  await btc.getByLabel("THPT").check();
  await btc.getByLabel("Tên tài liệu nguồn").fill("Hiệp định Thương mại hàng hóa ASEAN");
  await btc.getByLabel("Ngày của tài liệu").fill("2009-02");
  await btc.getByRole("button", { name: "Xem trước" }).click();

  const alert = btc.getByRole("alert");
  await expect(alert).toContainText("Tệp có 1 lỗi nên chưa nhập câu hỏi nào");
  await expect(alert).toContainText("Dòng 3");
  await expect(btc.getByRole("button", { name: /Nhập .* câu hỏi thành bản nháp/ })).toHaveCount(0);

  await btc.goto("/bank");
  await expect(btc.getByRole("status")).toHaveText(before ?? "");
  await btc.goto("/bank/review");
  await expect(btc.getByText("Không có bản nháp nào chờ duyệt.")).toBeVisible();
});
