import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { roundState } from "~/contests/home.server";
import { getUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { formatDateTime } from "~/utils/format";
import { useT } from "~/utils/i18n/use-translation";
import { openGraph, originFrom } from "~/utils/og";

/**
 * The join link of a round: /r/<code>. A signed-in person goes straight to the round; anyone else
 * first sees who invites them to what, and the round's address travels through sign-in or sign-up
 * (and registration) as `redirectTo`, so the link is not lost on the way.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const code = (params.code ?? "").trim().toUpperCase();
  const round = /^[A-Z0-9]{4,12}$/.test(code)
    ? await prisma.round.findUnique({
        where: { code },
        select: {
          id: true,
          title: true,
          opensAt: true,
          closesAt: true,
          scope: true,
          scopeClass: true,
          scopeUnit: { select: { name: true } },
          contest: { select: { title: true } },
          createdBy: { select: { displayName: true } },
        },
      })
    : null;
  if (!round) return { invitation: null };
  if (await getUser(request)) throw redirect(`/rounds/${round.id}`);
  return {
    invitation: {
      title: round.title,
      contestTitle: round.contest?.title ?? null,
      inviter: round.createdBy.displayName,
      scope: round.scope as "province" | "school" | "class",
      unit: round.scopeUnit?.name ?? null,
      className: round.scopeClass,
      opensAt: round.opensAt.toISOString(),
      closesAt: round.closesAt.toISOString(),
      state: roundState(round, Date.now()),
      target: `/rounds/${round.id}`,
    },
  };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches, params }) => {
  const invitation = data?.invitation;
  if (!invitation) return [{ title: "Sân chơi ASEAN" }];
  const title = `${invitation.contestTitle ? `${invitation.contestTitle} — ` : ""}${invitation.title}`;
  return openGraph({
    title: `${title} — Sân chơi ASEAN`,
    description: `${invitation.inviter} mời bạn tham gia vòng thi tìm hiểu về ASEAN, hạn chót ${formatDateTime(invitation.closesAt)}.`,
    origin: originFrom(matches),
    path: `/r/${params.code ?? ""}`,
  });
};

export default function Invitation() {
  const t = useT();
  const { invitation } = useLoaderData<typeof loader>();
  if (!invitation) {
    return (
      <div className="mx-auto flex max-w-md flex-col gap-3 rounded-xl bg-white p-6 shadow-sm">
        <h1 className="text-xl font-bold">{t("join.unknownTitle")}</h1>
        <p>{t("join.unknown")}</p>
        <Link to="/rounds" className="text-brand-700 underline">
          {t("join.toRounds")}
        </Link>
      </div>
    );
  }
  const next = encodeURIComponent(invitation.target);
  const where = [t(`rounds.scope.${invitation.scope}`), invitation.unit, invitation.className ? t("rounds.classShort", { name: invitation.className }) : null]
    .filter(Boolean)
    .join(" · ");
  return (
    <div className="mx-auto flex max-w-md flex-col gap-4 rounded-xl bg-white p-6 shadow-sm">
      <p className="text-sm text-slate-600">{t("journeys.invite.from", { name: invitation.inviter })}</p>
      <h1 className="text-2xl font-bold">
        {invitation.contestTitle ? `${invitation.contestTitle} — ` : ""}
        {invitation.title}
      </h1>
      <p className="text-sm">
        {where} · {t(`rounds.state.${invitation.state}`)}
      </p>
      <p className="text-sm">
        {formatDateTime(invitation.opensAt)} – {formatDateTime(invitation.closesAt)}
      </p>
      <p>{t("journeys.invite.next")}</p>
      <div className="flex flex-wrap gap-3">
        <Link to={`/signup?redirectTo=${next}`} className="rounded bg-asean-yellow px-4 py-2 font-semibold text-brand-900">
          {t("journeys.invite.signUp")}
        </Link>
        <Link to={`/login?redirectTo=${next}`} className="rounded border border-brand-700 px-4 py-2 font-semibold text-brand-700">
          {t("journeys.invite.signIn")}
        </Link>
      </div>
    </div>
  );
}
