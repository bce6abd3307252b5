import { isRole, type Role } from "~/utils/roles";

// The admin users list's search, role filter and page, as URL parameters (app/accounts/user-directory.server.ts).

export const USERS_PAGE_SIZE = 50;

export type UserQuery = { q: string; role: Role | null; page: number };

export function parseUserQuery(params: URLSearchParams): UserQuery {
  const role = params.get("role");
  const page = Number(params.get("page"));
  return {
    q: (params.get("q") ?? "").trim().slice(0, 80),
    role: isRole(role) ? role : null,
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

/** The query as URL parameters, with another page or filter; defaults left out. */
export function userQueryString(query: UserQuery, changes: Partial<UserQuery> = {}): string {
  const next = { ...query, ...changes };
  const params = new URLSearchParams();
  if (next.q) params.set("q", next.q);
  if (next.role) params.set("role", next.role);
  if (next.page > 1) params.set("page", String(next.page));
  const text = params.toString();
  return text ? `?${text}` : "";
}
