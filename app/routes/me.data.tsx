import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { formatDateTime } from "~/components/contests/format";
import { ConfirmButton } from "~/components/ui/confirm";
import { Button, Notice } from "~/components/ui/field";
import { deleteParticipantData, participantData, setHideNamePublicly } from "~/contests/registration.server";
import { kindName } from "~/units/unit-kinds";
import { requireUser } from "~/utils/auth.server";
import { useLanguage, useT } from "~/utils/i18n/use-translation";
import { destroySession } from "~/utils/session.server";
import "~/utils/i18n/messages/journeys-more";
import { pageTitle } from "~/utils/page-title";

export const meta: MetaFunction = pageTitle("myData.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "participant");
  const stored = await participantData(user.id);
  return {
    user: stored.user ? { ...stored.user, createdAt: stored.user.createdAt.toISOString() } : null,
    profile: stored.profile
      ? {
          ...stored.profile,
          consentedAt: stored.profile.consentedAt.toISOString(),
          guardianDeclaredAt: stored.profile.guardianDeclaredAt?.toISOString() ?? null,
        }
      : null,
    attempts: stored.attempts.map((attempt) => ({
      round: attempt.round.title,
      attemptNumber: attempt.attemptNumber,
      startedAt: attempt.startedAt.toISOString(),
      submittedAt: attempt.submittedAt?.toISOString() ?? null,
      prediction: attempt.prediction,
      answers: attempt._count.answers,
    })),
    requests: stored.requests.map((request) => ({ ...request, createdAt: request.createdAt.toISOString() })),
    profileSaved: new URL(request.url).searchParams.get("profile") === "saved",
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, "participant");
  const form = await request.formData();
  if (form.get("intent") === "hide-name") {
    await setHideNamePublicly(user.id, form.get("hideName") === "on");
    return { problem: null };
  }
  if (form.get("confirm") !== "on") return { problem: "myData.confirmRequired" as const };
  const deleted = await deleteParticipantData(user.id);
  if (!deleted.ok) return { problem: deleted.key };
  const clearCookie = await destroySession(request);
  throw redirect("/", { headers: { "Set-Cookie": clearCookie } });
}

export default function MyData() {
  const t = useT();
  const language = useLanguage();
  const { user, profile, attempts, requests, profileSaved } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const row = (label: string, value: React.ReactNode) => (
    <div className="flex flex-wrap gap-x-2 border-t border-slate-100 py-1">
      <dt className="font-medium">{label}:</dt>
      <dd>{value}</dd>
    </div>
  );
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">{t("myData.title")}</h1>
      <p className="text-sm text-slate-700">{t("myData.intro")}</p>
      <section className="rounded-xl bg-white p-4 shadow-sm">
        <h2 className="mb-2 font-semibold">{t("myData.account")}</h2>
        <dl className="text-sm">
          {user ? row(t("auth.username"), user.username) : null}
          {user ? row(t("auth.displayName"), user.displayName) : null}
          {user ? row(t("myData.createdAt"), formatDateTime(user.createdAt, language)) : null}
        </dl>
      </section>
      {profileSaved ? <Notice tone="success">{t("profile.saved")}</Notice> : null}
      <section className="rounded-xl bg-white p-4 shadow-sm">
        <div className="mb-2 flex flex-wrap items-center gap-3">
          <h2 className="font-semibold">{t("myData.profile")}</h2>
          {profile ? (
            <Link to="/me/profile" className="ml-auto text-sm text-brand-700 underline">
              {t("profile.link")}
            </Link>
          ) : null}
        </div>
        {profile ? (
          <dl className="text-sm">
            {row(t("register.displayName"), profile.displayName)}
            {row(t("register.birthYear"), profile.birthYear)}
            {row(t("register.audience"), t(`contests.audience.${profile.audience as "public"}`))}
            {profile.area ? row(kindName(profile.area.kind, t, { capital: true }), profile.area.name) : null}
            {row(t("register.unit"), profile.unit.name)}
            {row(t("register.className"), profile.className ?? "—")}
            {row(t("myData.consent"), t("myData.consentWhen", { version: profile.consentVersion, when: formatDateTime(profile.consentedAt, language) }))}
            {profile.guardianName
              ? row(
                  t("register.guardianName"),
                  t("myData.guardianWhen", { name: profile.guardianName, when: profile.guardianDeclaredAt ? formatDateTime(profile.guardianDeclaredAt, language) : "—" }),
                )
              : null}
          </dl>
        ) : (
          <p className="text-sm">{t("myData.noProfile")}</p>
        )}
      </section>
      <section className="rounded-xl bg-white p-4 shadow-sm">
        <h2 className="mb-2 font-semibold">{t("myData.attempts")}</h2>
        {attempts.length === 0 ? (
          <p className="text-sm">—</p>
        ) : (
          <ul className="text-sm">
            {attempts.map((attempt, index) => (
              <li key={index}>
                {attempt.round} · {t("attempt.heading", { number: attempt.attemptNumber })} · {formatDateTime(attempt.startedAt, language)} ·{" "}
                {t("attempt.answeredCount", { count: attempt.answers })}
                {attempt.prediction !== null ? ` · ${t("attempt.yourPrediction", { value: attempt.prediction })}` : ""}
              </li>
            ))}
          </ul>
        )}
        {requests.length > 0 ? (
          <div className="mt-2 text-sm">
            <p>{t("myData.requests")}:</p>
            <ul className="list-disc pl-5">
              {requests.map((request, index) => (
                <li key={index}>
                  {request.name} · {t(`unitRequests.status.${request.status === "done" || request.status === "rejected" ? request.status : "open"}`)}
                  {request.status === "rejected" && request.reason ? ` — ${t("unitRequests.reasonShown", { reason: request.reason })}` : ""}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>
      {profile ? (
        <section className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
          <Form method="post" className="flex flex-col gap-2">
            <input type="hidden" name="intent" value="hide-name" />
            <label className="flex items-start gap-2 text-sm">
              <input type="checkbox" name="hideName" defaultChecked={profile.hideNamePublicly} className="mt-1" />
              {t("myData.hideName")}
            </label>
            <p className="text-sm text-slate-600">{t("myData.hideNameHint")}</p>
            <Button type="submit">{t("myData.save")}</Button>
          </Form>
        </section>
      ) : null}
      <section className="rounded-xl border border-red-300 bg-white p-4 shadow-sm">
        <h2 className="mb-2 font-semibold text-red-800">{t("myData.deleteTitle")}</h2>
        <p className="mb-3 text-sm">{t("myData.deleteExplain")}</p>
        {result?.problem ? <Notice tone="error">{t(result.problem)}</Notice> : null}
        <Form method="post" className="flex flex-col gap-3">
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" name="confirm" className="mt-1" />
            {t("myData.confirm")}
          </label>
          <div>
            <ConfirmButton value="delete" className="bg-red-700 hover:bg-red-600" message={t("journeys.confirm.delete")} confirmLabel={t("journeys.confirm.deleteYes")}>
              {t("myData.delete")}
            </ConfirmButton>
          </div>
        </Form>
      </section>
    </div>
  );
}
