import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { formatDateTime } from "~/components/contests/format";
import { Button, Field } from "~/components/ui/field";
import { requireUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { useLanguage, useT } from "~/utils/i18n/use-translation";
import { pageTitle } from "~/utils/page-title";

export const meta: MetaFunction = pageTitle("participantRounds.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const now = new Date();
  const [profile, rounds] = await Promise.all([
    prisma.participantProfile.findUnique({ where: { userId: user.id }, select: { id: true } }),
    // Province-wide rounds are listed; school and class rounds are reached by their join code.
    prisma.round.findMany({
      where: { scope: "province", closesAt: { gt: new Date(now.getTime() - 30 * 86_400_000) } },
      select: { id: true, title: true, opensAt: true, closesAt: true, contest: { select: { title: true } } },
      orderBy: { closesAt: "desc" },
      take: 30,
    }),
  ]);
  return {
    registered: profile !== null,
    now: now.getTime(),
    rounds: rounds.map((round) => ({ ...round, opensAt: round.opensAt.toISOString(), closesAt: round.closesAt.toISOString() })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  await requireUser(request);
  const code = String((await request.formData()).get("code") ?? "").replace(/\s+/g, "").toUpperCase();
  throw redirect(`/r/${encodeURIComponent(code || "-")}`);
}

export default function Rounds() {
  const t = useT();
  const language = useLanguage();
  const { registered, rounds, now } = useLoaderData<typeof loader>();
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">{t("participantRounds.title")}</h1>
      {!registered ? (
        <p className="rounded border border-amber-300 bg-amber-50 p-3 text-sm">
          {t("participantRounds.registerFirst")}{" "}
          <Link to="/register?redirectTo=/rounds" className="font-semibold text-brand-700 underline">
            {t("register.title")}
          </Link>
        </p>
      ) : null}
      <Form method="post" className="flex flex-wrap items-end gap-2">
        <Field label={t("participantRounds.code")} name="code" autoComplete="off" autoCapitalize="characters" />
        <Button type="submit">{t("participantRounds.join")}</Button>
      </Form>
      <ul className="flex flex-col gap-2">
        {rounds.map((round) => {
          const open = Date.parse(round.opensAt) <= now && now < Date.parse(round.closesAt);
          return (
            <li key={round.id} className="rounded-lg bg-white p-3 shadow-sm">
              <Link to={`/rounds/${round.id}`} className="font-semibold text-brand-700 underline">
                {round.contest ? `${round.contest.title} — ` : ""}
                {round.title}
              </Link>{" "}
              <span className="rounded bg-slate-100 px-2 py-0.5 text-xs">{t(open ? "rounds.state.open" : Date.parse(round.opensAt) > now ? "rounds.state.upcoming" : "rounds.state.closed")}</span>
              <p className="text-sm text-slate-600">
                {formatDateTime(round.opensAt, language)} – {formatDateTime(round.closesAt, language)}
              </p>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
