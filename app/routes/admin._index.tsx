import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { RoleHome } from "~/components/role-home";
import { requireUser } from "~/utils/auth.server";
import { useT } from "~/utils/i18n/use-translation";
import { pageTitle } from "~/utils/page-title";

export const meta: MetaFunction = pageTitle("admin.home.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "admin");
  return null;
}

export default function AdminHome() {
  const t = useT();
  return (
    <RoleHome title="admin.home.title">
      <ul className="grid gap-3 sm:grid-cols-2">
        <li>
          <Link to="/admin/users" className="block rounded-lg bg-white p-4 shadow-sm hover:bg-brand-50">
            {t("admin.users.title")}
          </Link>
        </li>
        <li>
          <Link to="/admin/units" className="block rounded-lg bg-white p-4 shadow-sm hover:bg-brand-50">
            {t("units.title")}
          </Link>
        </li>
        <li>
          <Link to="/admin/unit-requests" className="block rounded-lg bg-white p-4 shadow-sm hover:bg-brand-50">
            {t("unitRequests.link")}
          </Link>
        </li>
        <li>
          <Link to="/admin/organisation" className="block rounded-lg bg-white p-4 shadow-sm hover:bg-brand-50">
            {t("organisation.title")}
          </Link>
        </li>
        <li>
          <Link to="/admin/audit" className="block rounded-lg bg-white p-4 shadow-sm hover:bg-brand-50">
            {t("admin.audit.title")}
          </Link>
        </li>
      </ul>
    </RoleHome>
  );
}
