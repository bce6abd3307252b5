import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { useT } from "~/utils/i18n/use-translation";
import { formatDateTime } from "~/utils/format";
import { pageTitle } from "~/utils/page-title";

export const meta: MetaFunction = pageTitle("admin.audit.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "admin");
  const entries = await prisma.auditEntry.findMany({
    select: { id: true, action: true, subject: true, detail: true, createdAt: true, actorName: true, actor: { select: { username: true } } },
    orderBy: { createdAt: "desc" },
    take: 200,
  });
  return { entries };
}

export default function AuditLog() {
  const t = useT();
  const { entries } = useLoaderData<typeof loader>();
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">{t("admin.audit.title")}</h1>
      {entries.length === 0 ? (
        <p>{t("admin.audit.empty")}</p>
      ) : (
        <div className="overflow-x-auto rounded-xl bg-white p-4 shadow-sm">
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="border-b">
                <th className="py-1 pr-3">{t("admin.audit.when")}</th>
                <th className="py-1 pr-3">{t("admin.audit.who")}</th>
                <th className="py-1 pr-3">{t("admin.audit.what")}</th>
                <th className="py-1 pr-3">{t("admin.audit.subject")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id} className="border-b border-slate-100 align-top">
                  <td className="py-1 pr-3 whitespace-nowrap">{formatDateTime(entry.createdAt)}</td>
                  <td className="py-1 pr-3">{entry.actor?.username ?? entry.actorName ?? "—"}</td>
                  <td className="py-1 pr-3 font-mono text-xs">{entry.action}</td>
                  <td className="py-1 pr-3">
                    {entry.subject}
                    {entry.detail ? <span className="text-slate-500"> · {entry.detail}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
