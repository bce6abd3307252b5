import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ItemAnalysisView } from "~/components/stats/item-analysis-view";
import { itemPageData } from "~/stats/item-page.server";
import { requireUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { useT } from "~/utils/i18n/use-translation";
import { pageTitle } from "~/utils/page-title";

export const meta: MetaFunction = pageTitle("itemAnalysis.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "organizer");
  return { ...(await itemPageData(prisma, new URL(request.url).searchParams, null, Date.now())) };
}

export default function OrganizerItemAnalysis() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  return <ItemAnalysisView {...data} title={t("itemAnalysis.title")} intro={t("itemAnalysis.intro")} />;
}
