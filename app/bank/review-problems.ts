import type { MessageKey } from "~/utils/i18n";
import type { ReviewResult } from "./review.server";

type ReviewProblem = Extract<ReviewResult, { ok: false }>["code"];

/** The message a reviewer sees for each reason a review is refused. */
export const reviewProblemMessage: Record<ReviewProblem, MessageKey> = {
  "own-revision": "bank.review.ownRevision",
  "not-pending": "bank.review.notPending",
  "revision-not-found": "bank.review.notFound",
};
