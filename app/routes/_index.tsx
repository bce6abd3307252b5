import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import type { MessageKey } from "~/utils/i18n";
import { useT } from "~/utils/i18n/use-translation";

export const meta: MetaFunction = () => [
  { title: "Sân chơi ASEAN — thi tìm hiểu về ASEAN" },
  { name: "description", content: "Nền tảng thi tìm hiểu về ASEAN cho học sinh, sinh viên và thanh niên." },
];

const audiences: { title: MessageKey; body: MessageKey }[] = [
  { title: "home.forStudents.title", body: "home.forStudents.body" },
  { title: "home.forTeachers.title", body: "home.forTeachers.body" },
  { title: "home.forHosts.title", body: "home.forHosts.body" },
  { title: "home.forOrganizers.title", body: "home.forOrganizers.body" },
];

export default function Home() {
  const t = useT();
  return (
    <div className="flex flex-col gap-8">
      <section className="rounded-xl bg-white p-6 shadow-sm">
        <h1 className="text-2xl font-bold text-brand-900 sm:text-3xl">{t("home.title")}</h1>
        <p className="mt-3 max-w-3xl text-slate-700">{t("home.intro")}</p>
        <Link
          to="/join"
          className="mt-5 inline-block rounded-lg bg-asean-red px-5 py-3 text-lg font-semibold text-white hover:opacity-90"
        >
          {t("home.joinCta")}
        </Link>
      </section>
      <section className="grid gap-4 sm:grid-cols-2">
        {audiences.map((audience) => (
          <article key={audience.title} className="rounded-xl bg-white p-5 shadow-sm">
            <h2 className="text-lg font-semibold text-brand-700">{t(audience.title)}</h2>
            <p className="mt-2 text-slate-700">{t(audience.body)}</p>
          </article>
        ))}
      </section>
    </div>
  );
}
