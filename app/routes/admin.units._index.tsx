import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, Field, Notice } from "~/components/ui/field";
import { flattenTree, treePage, unitKinds, type UnitProblem } from "~/units/unit-tree";
import { isActiveAt, vietnamDay } from "~/units/history";
import { lastDayFromValidTo, unitValidToSchema } from "~/units/unit-period";
import { setUnitLastDay } from "~/units/unit-period.server";
import { isAreaKind, kindName } from "~/units/unit-kinds";
import { formatDate } from "~/utils/format";
import { addUnitSchema, moveUnitSchema, renameUnitSchema } from "~/units/unit-forms";
import { createUnit, listUnits, moveUnit, renameUnit, type UnitResult } from "~/units/units.server";
import { requireUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { fieldErrors, formValues, type FieldErrors } from "~/utils/forms";
import type { MessageKey, MessageParams } from "~/utils/i18n";
import { useT } from "~/utils/i18n/use-translation";
import "~/utils/i18n/messages/journeys-more";
import { pageTitle } from "~/utils/page-title";

export const meta: MetaFunction = pageTitle("units.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "admin");
  const url = new URL(request.url);
  const all = await listUnits();
  const now = new Date();
  const query = url.searchParams.get("q")?.slice(0, 80) ?? "";
  const expanded = new Set(url.searchParams.getAll("open"));
  const page = treePage(all, { query, expanded, page: Number(url.searchParams.get("page")) || 1 });
  // New units and moves go under units that exist today; former districts stay for history only.
  const parentChoices = flattenTree(all.filter((unit) => (unit.kind === "province" || isAreaKind(unit.kind)) && isActiveAt({ validFrom: unit.validFrom ?? null, validTo: unit.validTo ?? null }, now)));
  return { page, query, expanded: [...expanded], parentChoices };
}

type ActionResult = { errors: FieldErrors; problem?: UnitProblem; done?: { key: MessageKey; params: MessageParams } };

const schemaByIntent = { add: addUnitSchema, rename: renameUnitSchema, move: moveUnitSchema } as const;

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireUser(request, "admin");
  const values = formValues(await request.formData());
  if (values.intent === "valid-to") return validToAction(admin.id, values);
  const intent = values.intent as keyof typeof schemaByIntent;
  const schema = schemaByIntent[intent] ?? addUnitSchema;
  const parsed = schema.safeParse(values);
  if (!parsed.success) return data<ActionResult>({ errors: fieldErrors(parsed.error) }, { status: 400 });

  let result: UnitResult;
  let done: MessageKey;
  const form = parsed.data;
  if (form.intent === "add") {
    result = await createUnit(form);
    done = "units.added";
  } else if (form.intent === "rename") {
    result = await renameUnit(form.unitId, form.name);
    done = "units.renamed";
  } else {
    result = await moveUnit(form.unitId, form.parentId);
    done = "units.moved";
  }
  if (!result.ok) return data<ActionResult>({ errors: {}, problem: result.problem }, { status: 400 });
  await prisma.auditEntry.create({
    data: { actorId: admin.id, action: `unit.${form.intent}`, subject: result.unit.code, detail: result.unit.name },
  });
  return data<ActionResult>({ errors: {}, done: { key: done, params: { name: result.unit.name } } });
}

/** The last day a unit existed, or none: closing or reopening a unit (app/units/unit-period.ts). */
async function validToAction(adminId: string, values: Record<string, string>) {
  const parsed = unitValidToSchema.safeParse(values);
  if (!parsed.success) return data<ActionResult>({ errors: {}, problem: { key: fieldErrors(parsed.error).lastDay ?? "units.error.unknownUnit" } }, { status: 400 });
  const result = await setUnitLastDay(prisma, parsed.data.unitId, parsed.data.lastDay);
  if (!result.ok) return data<ActionResult>({ errors: {}, problem: result.problem }, { status: 400 });
  await prisma.auditEntry.create({ data: { actorId: adminId, action: "unit.valid-to", subject: result.unit.code, detail: parsed.data.lastDay ?? "open" } });
  const done: MessageKey = parsed.data.lastDay ? "unitPeriod.closed" : "unitPeriod.reopened";
  return data<ActionResult>({ errors: {}, done: { key: done, params: { name: result.unit.name, date: parsed.data.lastDay ? formatDate(vietnamDay(parsed.data.lastDay)) : "" } } });
}

export default function AdminUnits() {
  const t = useT();
  const { page, query, expanded, parentChoices } = useLoaderData<typeof loader>();
  const units = page.rows;
  const result = useActionData<typeof action>();
  const href = (changes: { open?: string[]; page?: number }) => {
    const params = new URLSearchParams();
    if (query) params.set("q", query);
    for (const id of changes.open ?? expanded) params.append("open", id);
    if (changes.page && changes.page > 1) params.set("page", String(changes.page));
    return `?${params.toString()}`;
  };
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">{t("units.title")}</h1>
        <Link to="/admin/units/import" className="ml-auto rounded border border-brand-700 px-3 py-1 text-brand-700">
          {t("units.import")}
        </Link>
      </div>
      {result?.done ? <Notice tone="success">{t(result.done.key, result.done.params)}</Notice> : null}
      {result?.problem ? <Notice tone="error">{t(result.problem.key, result.problem.params)}</Notice> : null}
      <section className="rounded-xl bg-white p-5 shadow-sm">
        <h2 className="mb-3 text-lg font-semibold">{t("units.add")}</h2>
        <Form method="post" className="grid gap-3 sm:grid-cols-2" noValidate>
          <input type="hidden" name="intent" value="add" />
          <Field label={t("units.code")} name="code" error={result?.errors.code} required />
          <Field label={t("units.name")} name="name" error={result?.errors.name} required />
          <div className="flex flex-col gap-1">
            <label htmlFor="unit-kind" className="text-sm font-medium">
              {t("units.kind")}
            </label>
            <select id="unit-kind" name="kind" defaultValue="school" className="rounded border border-slate-300 px-3 py-2">
              {unitKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {kindName(kind, t)}
                </option>
              ))}
            </select>
          </div>
          <ParentSelect id="unit-parent" label={t("units.parent")} choices={parentChoices} />
          <Field label={t("units.enrolment")} name="enrolment" inputMode="numeric" hint={t("units.enrolmentHint")} error={result?.errors.enrolment} />
          <div className="self-end">
            <Button type="submit">{t("units.add")}</Button>
          </div>
        </Form>
      </section>
      <section className="rounded-xl bg-white p-5 shadow-sm">
        <Form method="get" className="mb-3 flex flex-wrap items-end gap-2" role="search">
          <Field label={t("units.search")} name="q" defaultValue={query} hint={t("units.searchHint")} />
          <Button type="submit">{t("units.searchSubmit")}</Button>
        </Form>
        <p className="text-sm text-slate-600">{t("units.shown", { count: page.total, page: page.page, pages: page.pages })}</p>
        <ul className="divide-y divide-slate-200">
          {units.map((unit) => (
            <li key={unit.id} className="flex flex-wrap items-center gap-2 py-2" style={{ paddingLeft: `${unit.depth * 1.25}rem` }}>
              <div className="min-w-48 flex-1">
                <p className="font-medium">
                  {unit.hasChildren && !query ? (
                    <a
                      className="mr-1 inline-block rounded border border-brand-700 px-1 leading-tight text-brand-700"
                      href={href({ open: unit.expanded ? expanded.filter((id) => id !== unit.id) : [...expanded, unit.id] })}
                      aria-expanded={unit.expanded}
                      aria-label={`${unit.expanded ? t("units.collapse") : t("units.expand")} — ${unit.name}`}
                    >
                      {unit.expanded ? "▾" : "▸"}
                    </a>
                  ) : null}
                  <span className={unit.match ? "bg-yellow-100" : ""}>{unit.name}</span>
                </p>
                <p className="text-xs text-slate-500">
                  {kindName(unit.kind, t)} · {unit.code}
                  {unit.enrolment !== null ? ` · ${unit.enrolment}` : ""}
                  {unit.validFrom ? ` · ${t("units.validFrom", { date: formatDate(unit.validFrom) })}` : ""}
                  {unit.validTo ? ` · ${t("units.validTo", { date: formatDate(new Date(new Date(unit.validTo).getTime() - 1)) })}` : ""}
                </p>
              </div>
              <Form method="post" className="flex items-center gap-1">
                <input type="hidden" name="intent" value="rename" />
                <input type="hidden" name="unitId" value={unit.id} />
                <label className="sr-only" htmlFor={`rename-${unit.id}`}>
                  {t("units.rename")} — {unit.name}
                </label>
                <input id={`rename-${unit.id}`} name="name" defaultValue={unit.name} className="w-40 rounded border border-slate-300 px-2 py-1 text-sm" />
                <button type="submit" className="rounded border px-2 py-1 text-sm">
                  {t("units.rename")}
                </button>
              </Form>
              <Form method="post" className="flex items-center gap-1">
                <input type="hidden" name="intent" value="valid-to" />
                <input type="hidden" name="unitId" value={unit.id} />
                <label className="sr-only" htmlFor={`valid-to-${unit.id}`}>
                  {t("unitPeriod.lastDay")} — {unit.name}
                </label>
                <input
                  id={`valid-to-${unit.id}`}
                  type="date"
                  name="lastDay"
                  defaultValue={lastDayFromValidTo(unit.validTo ? new Date(unit.validTo) : null)}
                  title={t("unitPeriod.lastDayHint")}
                  className="rounded border border-slate-300 px-2 py-1 text-sm"
                />
                <button type="submit" className="rounded border px-2 py-1 text-sm">
                  {t("unitPeriod.save")}
                </button>
              </Form>
              {unit.kind !== "province" ? (
                <Form method="post" className="flex items-center gap-1">
                  <input type="hidden" name="intent" value="move" />
                  <input type="hidden" name="unitId" value={unit.id} />
                  <ParentSelect
                    id={`move-${unit.id}`}
                    label={`${t("units.moveTo")} — ${unit.name}`}
                    choices={parentChoices.filter((choice) => choice.id !== unit.id)}
                    defaultValue={unit.parentId ?? ""}
                    compact
                  />
                  <button type="submit" className="rounded border px-2 py-1 text-sm">
                    {t("units.move")}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
        {page.pages > 1 ? (
          <nav className="mt-3 flex gap-3 text-sm" aria-label={t("units.pages")}>
            {page.page > 1 ? <a className="text-brand-700 underline" href={href({ page: page.page - 1 })}>{t("units.previous")}</a> : null}
            {page.page < page.pages ? <a className="text-brand-700 underline" href={href({ page: page.page + 1 })}>{t("units.next")}</a> : null}
          </nav>
        ) : null}
      </section>
    </div>
  );
}

function ParentSelect(props: {
  id: string;
  label: string;
  choices: { id: string; name: string }[];
  defaultValue?: string;
  compact?: boolean;
}) {
  const t = useT();
  return (
    <div className={props.compact ? "" : "flex flex-col gap-1"}>
      <label htmlFor={props.id} className={props.compact ? "sr-only" : "text-sm font-medium"}>
        {props.label}
      </label>
      <select
        id={props.id}
        name="parentId"
        defaultValue={props.defaultValue ?? ""}
        className={props.compact ? "max-w-48 rounded border border-slate-300 px-2 py-1 text-sm" : "rounded border border-slate-300 px-3 py-2"}
      >
        <option value="">{t("units.noParent")}</option>
        {props.choices.map((choice) => (
          <option key={choice.id} value={choice.id}>
            {choice.name}
          </option>
        ))}
      </select>
    </div>
  );
}
