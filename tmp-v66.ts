import { edit } from "./tmp-edit-lib";
edit("vietnam-in-asean-0066", "Explanation names the province in time: tỉnh Bắc Giang (cũ).", (q) => {
  q.explanation.vi = q.explanation.vi.replace("trong đó có Bắc Giang", "trong đó có tỉnh Bắc Giang (cũ)");
  q.explanation.en = q.explanation.en?.replace("including Bắc Giang", "including the former Bắc Giang province");
});
