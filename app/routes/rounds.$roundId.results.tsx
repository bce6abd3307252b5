import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import QRCode from "qrcode";
import { formatDateTime } from "~/components/contests/format";
import { ConfirmButton, ConfirmStep, isConfirmed } from "~/components/ui/confirm";
import { Notice } from "~/components/ui/field";
import { keptRoundExportRows } from "~/stats/round-standing.server";
import { closeRoundNow } from "~/contests/rounds.server";
import { requireManageableRound } from "~/contests/manageable-round.server";
import { prisma } from "~/utils/db.server";
import { translator } from "~/utils/i18n";
import { getLanguage } from "~/utils/i18n/language.server";
import { useLanguage, useT } from "~/utils/i18n/use-translation";
import "~/utils/i18n/messages/journeys-more";
import { titled } from "~/utils/page-title";

const ROUND_FIELDS = {
  id: true,
  title: true,
  code: true,
  opensAt: true,
  closesAt: true,
  questionCount: true,
  timeLimitSeconds: true,
  maxAttempts: true,
  scope: true,
  scopeClass: true,
  predictionEnabled: true,
  predictionTruth: true,
  releaseName: true,
  createdById: true,
  contestId: true,
  scopeUnit: { select: { name: true } },
} as const;

const manageableRound = (request: Request, roundId: string | undefined) => requireManageableRound(request, roundId, ROUND_FIELDS);

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titled(matches, data?.round.title);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { round } = await manageableRound(request, params.roundId);
  const now = Date.now();
  const t = translator(await getLanguage(request));
  const rows = await keptRoundExportRows(round.id, now, t("roundResults.deleted"));
  const joinUrl = new URL(`/r/${round.code}`, request.url).toString();
  const qrSvg = await QRCode.toString(joinUrl, { type: "svg", margin: 1, width: 160 });
  const { createdById: _creator, ...shown } = round;
  return {
    edited: new URL(request.url).searchParams.get("edited") === "1",
    round: { ...shown, opensAt: round.opensAt.toISOString(), closesAt: round.closesAt.toISOString() },
    rows: rows.map((row) => ({ ...row, finishedAt: row.finishedAt.toISOString() })),
    joinUrl,
    qrSvg,
    now,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, round } = await manageableRound(request, params.roundId);
  const form = await request.formData();
  if (form.get("intent") === "close") {
    // Closing stops everyone still working and publishes the answers: never on one click.
    if (!isConfirmed(form)) return data({ ok: false, confirmClose: true });
    await closeRoundNow(round.id, Date.now());
    await prisma.auditEntry.create({ data: { actorId: user.id, action: "round.closed", subject: round.id, detail: round.title } });
  }
  return data({ ok: true, confirmClose: false });
}

export default function RoundResults() {
  const t = useT();
  const language = useLanguage();
  const { round, rows, joinUrl, qrSvg, now, edited } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const closed = Date.parse(round.closesAt) <= now;
  const upcoming = now < Date.parse(round.opensAt);
  return (
    <div className="flex flex-col gap-6">
      {edited ? <Notice tone="success">{t("roundEdit.saved")}</Notice> : null}
      <div>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-bold">{round.title}</h1>
          {upcoming ? (
            <Link to={`/rounds/${round.id}/edit`} className="ml-auto rounded border border-brand-700 px-3 py-1 text-sm text-brand-700">
              {t("roundEdit.link")}
            </Link>
          ) : null}
        </div>
        <p className="text-sm text-slate-600">
          {formatDateTime(round.opensAt, language)} – {formatDateTime(round.closesAt, language)} ·{" "}
          {t("rounds.questionCount", { count: round.questionCount })} · {t("rounds.minutes", { count: round.timeLimitSeconds / 60 })} ·{" "}
          {t("rounds.maxAttemptsShort", { count: round.maxAttempts })} · {t("rounds.releaseShort", { name: round.releaseName })}
        </p>
        <p className="text-sm text-slate-600">
          {t(`rounds.scope.${round.scope as "province" | "school" | "class"}`)}
          {round.scopeUnit ? ` · ${round.scopeUnit.name}` : ""}
          {round.scopeClass ? ` · ${t("rounds.classShort", { name: round.scopeClass })}` : ""}
        </p>
      </div>
      <section className="flex flex-wrap items-center gap-4 rounded-xl bg-white p-4 shadow-sm">
        <div className="h-40 w-40" aria-hidden dangerouslySetInnerHTML={{ __html: qrSvg }} />
        <div className="flex flex-col gap-1">
          <p className="text-sm">{t("rounds.shareHint")}</p>
          <p>
            {t("rounds.code")}: <strong className="font-mono text-2xl" data-testid="join-code">{round.code}</strong>
          </p>
          <a href={joinUrl} className="break-all text-brand-700 underline">
            {joinUrl}
          </a>
        </div>
      </section>
      {!closed && result?.confirmClose ? (
        <ConfirmStep
          message={t("journeys.confirm.close")}
          fields={{ intent: "close" }}
          confirmLabel={t("journeys.confirm.closeYes")}
          cancelHref={`/rounds/${round.id}/results`}
        />
      ) : null}
      {!closed ? (
        <Form method="post">
          <ConfirmButton value="close" className="bg-red-700 hover:bg-red-600" message={t("journeys.confirm.close")} confirmLabel={t("journeys.confirm.closeYes")}>
            {t("rounds.closeNow")}
          </ConfirmButton>
        </Form>
      ) : (
        <p className="text-sm">
          {t("rounds.closed")}
          {round.predictionEnabled && round.predictionTruth !== null ? ` · ${t("rounds.truth", { value: round.predictionTruth })}` : ""}
        </p>
      )}
      <section className="flex flex-col gap-2">
        <div className="flex flex-wrap items-center gap-3">
          <h2 className="text-lg font-semibold">{t("roundResults.title")}</h2>
          <a href={`/rounds/${round.id}/export?format=csv`} className="rounded border border-brand-700 px-3 py-1 text-sm text-brand-700" download>
            {t("roundResults.csv")}
          </a>
          <a href={`/rounds/${round.id}/export?format=xlsx`} className="rounded border border-brand-700 px-3 py-1 text-sm text-brand-700" download>
            {t("roundResults.xlsx")}
          </a>
        </div>
        {rows.length === 0 ? (
          <p className="text-slate-600">{t("roundResults.none")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="min-w-full bg-white text-sm">
              <thead>
                <tr className="text-left">
                  <th className="p-2">{t("roundResults.col.rank")}</th>
                  <th className="p-2">{t("roundResults.col.name")}</th>
                  <th className="p-2">{t("roundResults.col.class")}</th>
                  <th className="p-2">{t("roundResults.col.unit")}</th>
                  <th className="p-2">{t("roundResults.col.correct")}</th>
                  <th className="p-2">{t("roundResults.col.attempts")}</th>
                  <th className="p-2">{t("roundResults.col.prediction")}</th>
                  <th className="p-2">{t("roundResults.col.time")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row, index) => (
                  <tr key={index} className="border-t border-slate-100">
                    <td className="p-2">{row.tied ? `${row.rank}=` : row.rank}</td>
                    <td className="p-2">{row.displayName}</td>
                    <td className="p-2">{row.className}</td>
                    <td className="p-2">{row.unitName}</td>
                    <td className="p-2">
                      {row.correct}/{row.questionCount}
                    </td>
                    <td className="p-2">{row.attempts}</td>
                    <td className="p-2">{row.prediction ?? "—"}</td>
                    <td className="p-2">{row.timeUsedSeconds}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p className="text-xs text-slate-500">{t("roundResults.finishedOnly")}</p>
      </section>
    </div>
  );
}
