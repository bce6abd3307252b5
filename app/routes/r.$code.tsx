import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { prisma } from "~/utils/db.server";
import { useT } from "~/utils/i18n/use-translation";

/** The join link of a round: /r/<code>. Signing in (and registering) happens on the way if needed. */
export async function loader({ params }: LoaderFunctionArgs) {
  const code = (params.code ?? "").trim().toUpperCase();
  const round = /^[A-Z0-9]{4,12}$/.test(code) ? await prisma.round.findUnique({ where: { code }, select: { id: true } }) : null;
  if (round) throw redirect(`/rounds/${round.id}`);
  return null;
}

export default function UnknownCode() {
  const t = useT();
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
