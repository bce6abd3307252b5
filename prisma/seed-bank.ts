import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildReleases } from "~/bank/release-seed.server";
import { prisma } from "~/utils/db.server";

// The question bank's part of the seed: every release of question-bank/releases/index.yaml, built
// as it was released (docs/decisions/019-frozen-release-manifests.md), created by the organizer "btc".
export async function seedQuestionBank(): Promise<void> {
  const organizer = await prisma.user.findUniqueOrThrow({ where: { username: "btc" }, select: { id: true } });
  await buildReleases(prisma, {
    bankDir: path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "question-bank"),
    createdById: organizer.id,
    log: (line) => console.log(line),
  });
}
