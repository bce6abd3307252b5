import { expect, test } from "@playwright/test";

// What the server sends over the wire: compressed pages and scripts, hashed assets cached for a
// year, a real icon, and Open Graph tags on the links people share.

test("pages and scripts are compressed, hashed assets are cached for good, the icons are real", async ({ request }) => {
  const page = await request.get("/", { headers: { "Accept-Encoding": "br, gzip" } });
  expect(page.headers()["content-encoding"]).toBe("br");
  const html = await page.text();
  const script = html.match(/\/assets\/entry\.client-[\w-]+\.js/)?.[0];
  expect(script).toBeTruthy();

  const asset = await request.get(script!, { headers: { "Accept-Encoding": "gzip" } });
  expect(asset.headers()["content-encoding"]).toBe("gzip");
  expect(asset.headers()["cache-control"]).toContain("max-age=31536000");
  expect(asset.headers()["cache-control"]).toContain("immutable");

  const favicon = await request.get("/favicon.ico");
  expect((await favicon.body()).length).toBeGreaterThan(100);
  const icon = await request.get("/icon-192.png");
  expect(icon.headers()["content-type"]).toBe("image/png");
  expect(html).toContain('rel="apple-touch-icon"');
});

test("a shared join link and a shared round link carry Open Graph tags for Zalo and Facebook", async ({ request, baseURL }) => {
  const join = await (await request.get("/join")).text();
  expect(join).toContain('property="og:title" content="Vào trò chơi — Sân chơi ASEAN"');
  expect(join).toContain(`property="og:image" content="${baseURL}/og-image.png"`);

  // The open demo round's link, as its results page shows it.
  const home = await (await request.get("/")).text();
  const roundId = home.match(/href="\/rounds\/([\w-]+)"/)?.[1];
  expect(roundId).toBeTruthy();
  const context = await request.post("/login", { form: { username: "btc", password: "asean-btc", redirectTo: "" } });
  expect(context.ok()).toBeTruthy();
  const results = await (await request.get(`/rounds/${roundId}/results`)).text();
  const code = results.match(/data-testid="join-code">(\w+)</)?.[1];
  expect(code).toBeTruthy();
  await request.post("/logout");
  const invitation = await (await request.get(`/r/${code}`)).text();
  expect(invitation).toMatch(/property="og:title" content="[^"]*Tuần 2 — Sân chơi ASEAN"/);
  expect(invitation).toMatch(/property="og:description" content="[^"]* mời bạn tham gia vòng thi tìm hiểu về ASEAN, hạn chót \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}\."/);
  expect(invitation).toContain(`property="og:url" content="${baseURL}/r/${code}"`);
});
