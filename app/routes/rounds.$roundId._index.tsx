import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { formatClock, formatDateTime } from "~/components/contests/format";
import { Button, Notice } from "~/components/ui/field";
import { startOrResumeAttempt, participantAttempts } from "~/contests/attempts.server";
import { keptRoundStanding } from "~/stats/round-standing.server";
import { readProfile, readRound } from "~/contests/round-reads.server";
import { requireUser } from "~/utils/auth.server";
import type { MessageKey } from "~/utils/i18n";
import { getLanguage } from "~/utils/i18n/language.server";
import { useLanguage, useT } from "~/utils/i18n/use-translation";
import { titled } from "~/utils/page-title";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titled(matches, data?.round.title);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  // One read of the round for the page and the attempts' rules (app/contests/round-reads.server.ts).
  const round = await readRound(params.roundId ?? "");
  if (!round) throw new Response("Not found", { status: 404 });
  const now = Date.now();
  const language = await getLanguage(request);
  const [profile, mine] = await Promise.all([readProfile(user.id), participantAttempts(round.id, user.id, now, language, round)]);
  let place: { rank: number; tied: boolean; of: number; truth: number | null } | null = null;
  if (mine?.revealed && mine.attempts.length > 0) {
    const standing = await keptRoundStanding(round.id, now);
    const entry = standing?.ranked.find((candidate) => candidate.participantId === user.id);
    if (standing && entry) place = { rank: entry.rank, tied: entry.tied, of: standing.ranked.length, truth: standing.truth };
  }
  return {
    round: {
      id: round.id,
      title: round.title,
      opensAt: round.opensAt.toISOString(),
      closesAt: round.closesAt.toISOString(),
      questionCount: round.questionCount,
      timeLimitSeconds: round.timeLimitSeconds,
      maxAttempts: round.maxAttempts,
      predictionEnabled: round.predictionEnabled,
      predictionBasis: round.predictionBasis,
      contest: round.contestTitle === null ? null : { title: round.contestTitle },
    },
    registered: profile !== null,
    attempts: mine?.attempts ?? [],
    revealed: mine?.revealed ?? false,
    place,
    now,
  };
}

const refusalMessages: Record<string, MessageKey> = {
  "not-open-yet": "attempt.refused.notOpen",
  "round-closed": "attempt.refused.closed",
  "not-in-audience": "attempt.refused.audience",
  "no-attempts-left": "attempt.refused.noneLeft",
  "draw-failed": "attempt.refused.draw",
  "unknown-round": "attempt.refused.closed",
  "staff-cannot-compete": "contest.staffCannotCompete",
};

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const roundId = params.roundId ?? "";
  const outcome = await startOrResumeAttempt(roundId, user.id, Date.now());
  if (outcome.ok) throw redirect(`/rounds/${roundId}/attempt/${outcome.attemptId}`);
  if (outcome.code === "needs-registration") throw redirect(`/register?redirectTo=${encodeURIComponent(`/rounds/${roundId}`)}`);
  return data({ problem: refusalMessages[outcome.code] }, { status: 409 });
}

export default function RoundPage() {
  const t = useT();
  const language = useLanguage();
  const { round, registered, attempts, revealed, place, now } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const open = Date.parse(round.opensAt) <= now && now < Date.parse(round.closesAt);
  const running = attempts.find((attempt) => attempt.status === "in-progress");
  const left = round.maxAttempts - attempts.length;
  return (
    <div className="flex flex-col gap-5">
      <div>
        {round.contest ? <p className="text-sm text-slate-600">{round.contest.title}</p> : null}
        <h1 className="text-2xl font-bold">{round.title}</h1>
        <p className="text-sm text-slate-600">
          {formatDateTime(round.opensAt, language)} – {formatDateTime(round.closesAt, language)}
        </p>
        <p className="text-sm text-slate-600">
          {t("rounds.questionCount", { count: round.questionCount })} · {t("rounds.minutes", { count: round.timeLimitSeconds / 60 })} ·{" "}
          {t("rounds.maxAttemptsShort", { count: round.maxAttempts })}
        </p>
      </div>
      {result?.problem ? <Notice tone="error">{t(result.problem)}</Notice> : null}
      {!registered ? (
        <p className="rounded border border-amber-300 bg-amber-50 p-3 text-sm">
          {t("participantRounds.registerFirst")}{" "}
          <Link to={`/register?redirectTo=/rounds/${round.id}`} className="font-semibold text-brand-700 underline">
            {t("register.title")}
          </Link>
        </p>
      ) : open && (running || left > 0) ? (
        <Form method="post">
          <Button type="submit">{running ? t("attempt.resume") : t("attempt.start", { number: attempts.length + 1 })}</Button>
        </Form>
      ) : null}
      {open && !running && left <= 0 ? <p className="text-sm">{t("attempt.refused.noneLeft")}</p> : null}
      {!revealed && attempts.length > 0 ? <p className="text-sm text-slate-700">{t("attempt.resultsAfterClose")}</p> : null}
      {place ? (
        <p className="rounded bg-brand-50 p-3 font-semibold" role="status">
          {t("attempt.place", { rank: place.tied ? `${place.rank}=` : place.rank, of: place.of })}
          {place.truth !== null ? ` · ${t("rounds.truth", { value: place.truth })}` : ""}
        </p>
      ) : null}
      {attempts.map((attempt) => (
        <section key={attempt.attemptId} className="flex flex-col gap-3 rounded-xl bg-white p-4 shadow-sm">
          <h2 className="text-lg font-semibold">{t("attempt.heading", { number: attempt.attemptNumber })}</h2>
          <p className="text-sm text-slate-700">
            {t(`attempt.status.${attempt.status}`)} · {t("attempt.answeredCount", { count: attempt.answeredCount })} ·{" "}
            {t("attempt.timeUsed", { time: formatClock(attempt.timeUsedMs) })}
            {attempt.prediction !== null ? ` · ${t("attempt.yourPrediction", { value: attempt.prediction })}` : ""}
          </p>
          {attempt.score ? (
            <>
              <p className="text-xl font-bold">{t("attempt.score", { correct: attempt.score.correct, total: attempt.score.questionCount })}</p>
              <ol className="flex flex-col gap-3">
                {attempt.score.questions.map((question, index) => (
                  <li key={index} className="rounded border border-slate-200 p-3">
                    <p className="font-medium">
                      {index + 1}. {question.prompt}{" "}
                      {question.correct === null ? null : (
                        <span className={question.correct ? "text-green-700" : "text-red-700"}>
                          {question.correct ? t("attempt.review.right") : t("attempt.review.wrong")}
                        </span>
                      )}
                    </p>
                    <ul className="mt-1 text-sm">
                      {question.options.map((option, optionIndex) => (
                        <li key={optionIndex} className={option.correct ? "font-semibold text-green-800" : ""}>
                          {option.chosen ? "☑" : "☐"} {option.text}
                          {option.correct ? ` — ${t("attempt.review.correctOption")}` : ""}
                        </li>
                      ))}
                    </ul>
                    {question.withheld ? (
                      <p className="mt-2 text-sm text-amber-800">{t("attempt.review.withheld")}</p>
                    ) : (
                      <p className="mt-2 text-sm text-slate-700">
                        <span className="font-semibold">{t("attempt.review.explanation")}:</span> {question.explanation}
                      </p>
                    )}
                  </li>
                ))}
              </ol>
            </>
          ) : null}
        </section>
      ))}
    </div>
  );
}
