import { useRouteLoaderData } from "@remix-run/react";
import type { RootLoaderData } from "~/root";
import type { MessageKey } from "~/utils/i18n";
import { useT } from "~/utils/i18n/use-translation";

/** The landing page of a role: who is signed in, and the role's own content below. */
export function RoleHome({ title, children }: { title: MessageKey; children?: React.ReactNode }) {
  const t = useT();
  const user = useRouteLoaderData<RootLoaderData>("root")?.user;
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">{t(title)}</h1>
      {user ? (
        <p className="text-slate-700">
          {t("dashboard.welcome", { name: user.displayName })} · {t("dashboard.youAre", { role: t(`role.${user.role}`) })}
        </p>
      ) : null}
      {children}
    </div>
  );
}
