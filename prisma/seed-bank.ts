import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildReleases } from "~/bank/release-seed.server";
import { prisma } from "~/utils/db.server";

// The question bank's part of the seed: every release of question-bank/releases/index.yaml, built
// as it was released (docs/decisions/019-frozen-release-manifests.md), recorded as made by `creator`
// (the demo's organizer "btc", or a real province's first administrator).
export async function seedQuestionBank(creator: string): Promise<void> {
  const organizer = await prisma.user.findUniqueOrThrow({ where: { username: creator }, select: { id: true } });
  await buildReleases(prisma, {
    bankDir: path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "question-bank"),
    createdById: organizer.id,
    log: (line) => console.log(line),
  });
}
