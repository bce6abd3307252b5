import { Form, Link } from "@remix-run/react";
import { SelectField } from "~/components/contests/select-field";
import { Button, Field } from "~/components/ui/field";
import type { UserQuery } from "~/accounts/user-query";
import { formatNumber } from "~/utils/format";
import { useLanguage, useT } from "~/utils/i18n/use-translation";
import { roles } from "~/utils/roles";
import "~/utils/i18n/messages/journeys-more";

/** Search by name or username and filter by role: a GET form, so a result has an address. */
export function UserDirectoryFilters({ query, total }: { query: UserQuery; total: number }) {
  const t = useT();
  const language = useLanguage();
  return (
    <div className="mb-3 flex flex-col gap-2">
      <Form method="get" role="search" className="flex flex-wrap items-end gap-2">
        <Field label={t("usersList.search")} name="q" id="users-search" defaultValue={query.q} hint={t("usersList.searchHint")} />
        <SelectField label={t("usersList.roleFilter")} name="role" id="users-role" defaultValue={query.role ?? ""}>
          <option value="">{t("usersList.allRoles")}</option>
          {roles.map((role) => (
            <option key={role} value={role}>
              {t(`role.${role}`)}
            </option>
          ))}
        </SelectField>
        <Button type="submit">{t("usersList.searchSubmit")}</Button>
        {query.q || query.role ? (
          <Link to="/admin/users" className="py-2 text-sm text-brand-700 underline">
            {t("usersList.clear")}
          </Link>
        ) : null}
      </Form>
      <p className="text-sm text-slate-600" data-testid="users-count">
        {t("usersList.count", { count: formatNumber(total, language) })}
      </p>
    </div>
  );
}

/** Previous and next page links, with where the reader is. */
export function UserDirectoryPager({ page, pageCount, href }: { page: number; pageCount: number; href: (page: number) => string }) {
  const t = useT();
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={t("usersList.pages")} className="mt-3 flex items-center gap-3 text-sm">
      {page > 1 ? (
        <Link to={href(page - 1)} className="text-brand-700 underline" rel="prev">
          {t("usersList.previous")}
        </Link>
      ) : null}
      <span>{t("usersList.page", { page, pages: pageCount })}</span>
      {page < pageCount ? (
        <Link to={href(page + 1)} className="text-brand-700 underline" rel="next">
          {t("usersList.next")}
        </Link>
      ) : null}
    </nav>
  );
}
