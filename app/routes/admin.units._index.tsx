import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, Field, Notice } from "~/components/ui/field";
import { flattenTree, unitKinds, type UnitProblem } from "~/units/unit-tree";
import { isAreaKind } from "~/units/unit-kinds";
import { addUnitSchema, moveUnitSchema, renameUnitSchema } from "~/units/unit-forms";
import { createUnit, listUnits, moveUnit, renameUnit, type UnitResult } from "~/units/units.server";
import { requireUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { fieldErrors, formValues, type FieldErrors } from "~/utils/forms";
import type { MessageKey, MessageParams } from "~/utils/i18n";
import { useT } from "~/utils/i18n/use-translation";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "admin");
  return { units: flattenTree(await listUnits()) };
}

type ActionResult = { errors: FieldErrors; problem?: UnitProblem; done?: { key: MessageKey; params: MessageParams } };

const schemaByIntent = { add: addUnitSchema, rename: renameUnitSchema, move: moveUnitSchema } as const;

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireUser(request, "admin");
  const values = formValues(await request.formData());
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

export default function AdminUnits() {
  const t = useT();
  const { units } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const parentChoices = units.filter((unit) => unit.kind === "province" || isAreaKind(unit.kind));
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
                  {t(`units.kind.${kind}`)}
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
        <ul className="divide-y divide-slate-200">
          {units.map((unit) => (
            <li key={unit.id} className="flex flex-wrap items-center gap-2 py-2" style={{ paddingLeft: `${unit.depth * 1.25}rem` }}>
              <div className="min-w-48 flex-1">
                <p className="font-medium">{unit.name}</p>
                <p className="text-xs text-slate-500">
                  {t(`units.kind.${unit.kind}`)} · {unit.code}
                  {unit.enrolment !== null ? ` · ${unit.enrolment}` : ""}
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
