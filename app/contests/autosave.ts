import type { ShouldRevalidateFunctionArgs } from "@remix-run/react";

/**
 * Whether Remix's revalidation after a submission can be skipped because it was the attempt page's
 * autosave of one answer and the server took it: the page already shows the choice, and marks the
 * question answered itself (app/routes/rounds.$roundId.attempt.$attemptId.tsx). Without this every
 * answer a pupil picks costs a second request that reads the session twice and the whole attempt
 * again, half of the server's work in a round (docs/benchmarks.md, "Contest rounds over HTTP"). A refused save (time
 * up, rate limit), the navigation buttons and the submit still reload as before.
 */
export function isAcceptedAutosave(args: Pick<ShouldRevalidateFunctionArgs, "formMethod" | "formAction" | "formData" | "actionResult">): boolean {
  const { formMethod, formAction, formData, actionResult } = args;
  if (!formData || formMethod?.toUpperCase() !== "POST" || !formAction) return false;
  if (!/^\/rounds\/[^/?#]+\/attempt\/[^/?#]+(\?|$)/.test(formAction)) return false;
  if (formData.has("go") || formData.has("intent") || !formData.has("index")) return false;
  return typeof actionResult === "object" && actionResult !== null && "problem" in actionResult && actionResult.problem === null;
}
