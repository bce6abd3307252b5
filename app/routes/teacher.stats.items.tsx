import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ItemAnalysisView } from "~/components/stats/item-analysis-view";
import { itemPageData } from "~/stats/item-page.server";
import { requireUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { translator } from "~/utils/i18n";
import { getLanguage } from "~/utils/i18n/language.server";
import { useT } from "~/utils/i18n/use-translation";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? "" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "teacher");
  const t = translator(await getLanguage(request));
  return { ...(await itemPageData(prisma, new URL(request.url).searchParams, user.id, Date.now())), pageTitle: t("itemAnalysis.title") };
}

export default function TeacherItemAnalysis() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  return <ItemAnalysisView {...data} title={t("itemAnalysis.title")} intro={`${t("itemAnalysis.teacherIntro")} ${t("itemAnalysis.intro")}`} />;
}
