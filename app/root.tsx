import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { AppShell } from "~/components/app-shell";
import { isAcceptedAutosave } from "~/contests/autosave";
import { useNonce } from "~/http/nonce";
import { getUser } from "~/utils/auth.server";
import { env } from "~/utils/env.server";
import { defaultLanguage, translator, type Language } from "~/utils/i18n";
import { getLanguage } from "~/utils/i18n/language.server";
import stylesheet from "./tailwind.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.ico", sizes: "32x32" },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  { rel: "apple-touch-icon", href: "/apple-touch-icon.png" },
  { rel: "manifest", href: "/site.webmanifest" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const [language, user] = await Promise.all([getLanguage(request), getUser(request)]);
  // The origin makes Open Graph URLs absolute (app/utils/og.ts).
  return { language, user, demo: env().DEMO_MODE, origin: new URL(request.url).origin };
}

export type RootLoaderData = Awaited<ReturnType<typeof loader>>;

// An answer the attempt page saved changes nothing the layout shows (app/contests/autosave.ts).
export const shouldRevalidate: ShouldRevalidateFunction = (args) => !isAcceptedAutosave(args) && args.defaultShouldRevalidate;

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<RootLoaderData>("root");
  const language = data?.language ?? defaultLanguage;
  const nonce = useNonce();
  return (
    <html lang={language}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#1e3a8a" />
        <Meta />
        <Links />
      </head>
      <body className="min-h-screen bg-slate-50 text-slate-900">
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return (
    <AppShell>
      <Outlet />
    </AppShell>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<RootLoaderData>("root");
  const t = translator((data?.language ?? defaultLanguage) as Language);
  const message = isRouteErrorResponse(error)
    ? error.status === 404
      ? t("error.notFound")
      : error.status === 403
        ? t("error.forbidden")
        : t("error.generic")
    : t("error.generic");
  return (
    <main className="mx-auto max-w-xl p-6">
      <h1 className="text-2xl font-bold">{t("error.title")}</h1>
      <p className="mt-3" role="alert">
        {message}
      </p>
      <a className="mt-6 inline-block text-brand-700 underline" href="/">
        {t("error.backHome")}
      </a>
    </main>
  );
}
