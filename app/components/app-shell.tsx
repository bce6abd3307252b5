import { Form, Link, NavLink, useLocation, useMatches, useRouteLoaderData } from "@remix-run/react";
import type { RootLoaderData } from "~/root";
import { languages, type MessageKey } from "~/utils/i18n";
import { useLanguage, useT } from "~/utils/i18n/use-translation";
import { roleHomePath, type Role } from "~/utils/roles";

type NavItem = { to: string; label: MessageKey };

const navByRole: Record<Role, NavItem[]> = {
  admin: [
    { to: "/admin", label: "nav.admin" },
    { to: "/admin/users", label: "nav.adminUsers" },
    { to: "/admin/units", label: "nav.adminUnits" },
    { to: "/organizer", label: "nav.organizer" },
    { to: "/host", label: "nav.host" },
    { to: "/host/games", label: "live.nav.games" },
    { to: "/teacher", label: "nav.teacher" },
    { to: "/organizer/contests", label: "contests.nav.contests" },
    { to: "/leaderboard", label: "contests.nav.leaderboard" },
    { to: "/bank", label: "nav.bank" },
    { to: "/operator", label: "ops.nav" },
  ],
  organizer: [
    { to: roleHomePath.organizer, label: "nav.organizer" },
    { to: "/organizer/contests", label: "contests.nav.contests" },
    { to: "/organizer/stats", label: "stats.title" },
    { to: "/organizer/stats/report", label: "yearReport.title" },
    { to: "/leaderboard", label: "contests.nav.leaderboard" },
    { to: "/bank", label: "nav.bank" },
    { to: "/bank/review", label: "nav.bankReview" },
    { to: "/bank/releases", label: "nav.bankReleases" },
  ],
  host: [
    { to: roleHomePath.host, label: "nav.host" },
    { to: "/host/games", label: "live.nav.games" },
    { to: "/organizer/stats", label: "stats.title" },
    { to: "/operator", label: "ops.nav" },
  ],
  teacher: [
    { to: roleHomePath.teacher, label: "nav.teacher" },
    { to: "/teacher/pupils", label: "nav.pupils" },
    { to: "/host/games", label: "live.nav.games" },
    { to: "/teacher/rounds", label: "contests.nav.teacherRounds" },
    { to: "/organizer/stats", label: "stats.title" },
    { to: "/teacher/stats/items", label: "itemAnalysis.title" },
    { to: "/bank", label: "nav.bank" },
  ],
  participant: [
    { to: roleHomePath.participant, label: "nav.participant" },
    { to: "/rounds", label: "contests.nav.rounds" },
    { to: "/leaderboard", label: "contests.nav.leaderboard" },
    { to: "/me/data", label: "contests.nav.myData" },
  ],
};

/**
 * What a route may say about the page around it, through its `handle` export. A live game's phone
 * screen says `chrome: "none"`: the game fills the screen, with no site header to scroll past.
 */
export type ShellHandle = { chrome?: "full" | "none" };

function useChrome(): "full" | "none" {
  const matches = useMatches();
  const last = [...matches].reverse().find((match) => (match.handle as ShellHandle | undefined)?.chrome);
  return (last?.handle as ShellHandle | undefined)?.chrome ?? "full";
}

export function AppShell({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<RootLoaderData>("root");
  const user = data?.user ?? null;
  const t = useT();
  const chrome = useChrome();
  if (chrome === "none") return <main className="flex min-h-[100dvh] flex-col">{children}</main>;
  const items = user ? navByRole[user.role] : [];
  return (
    <div className="flex min-h-screen flex-col">
      {/* The demo notice sits in the banner landmark, so a screen reader's landmark tour reaches it. */}
      <header className="bg-brand-900 text-white">
        {data?.demo ? (
          <p className="bg-asean-yellow px-4 py-1 text-center text-sm font-semibold text-brand-900" data-demo-marker>
            {t("demo.marker")}
          </p>
        ) : null}
        <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
          <Link to="/" className="text-lg font-bold tracking-tight">
            <span aria-hidden className="mr-1 text-asean-yellow">●</span>
            {t("app.name")}
          </Link>
          <nav aria-label={t("nav.menu")} className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
            {items.map((item) => (
              <NavLink
                key={item.to}
                to={item.to}
                end
                className={({ isActive }) => (isActive ? "font-semibold underline" : "hover:underline")}
              >
                {t(item.label)}
              </NavLink>
            ))}
          </nav>
          <div className="ml-auto flex flex-wrap items-center gap-3 text-sm">
            <LanguageSwitch />
            {user ? (
              <Form method="post" action="/logout">
                <Link to="/account" className="mr-2 hover:underline" title={t("nav.account")}>
                  <span className="hidden sm:inline">{user.displayName}</span>
                  <span className="sm:hidden">{t("nav.account")}</span>
                </Link>
                <button type="submit" className="rounded border border-white/60 px-2 py-1 hover:bg-white/10">
                  {t("nav.signOut")}
                </button>
              </Form>
            ) : (
              <>
                <Link to="/login" className="hover:underline">
                  {t("nav.signIn")}
                </Link>
                <Link to="/signup" className="rounded bg-asean-yellow px-2 py-1 font-semibold text-brand-900">
                  {t("nav.signUp")}
                </Link>
              </>
            )}
          </div>
        </div>
      </header>
      <main className="mx-auto w-full max-w-5xl flex-1 px-4 py-6">{children}</main>
    </div>
  );
}

function LanguageSwitch() {
  const current = useLanguage();
  const t = useT();
  const location = useLocation();
  return (
    <Form method="post" action="/language" className="flex items-center gap-1" aria-label={t("language.label")}>
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      {languages.map((language) => (
        <button
          key={language}
          type="submit"
          name="language"
          value={language}
          aria-pressed={language === current}
          lang={language}
          className={`rounded px-2 py-1 ${language === current ? "bg-white text-brand-900" : "hover:bg-white/10"}`}
        >
          {t(language === "vi" ? "language.vi" : "language.en")}
        </button>
      ))}
    </Form>
  );
}
