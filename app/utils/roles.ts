export const roles = ["admin", "organizer", "host", "teacher", "participant"] as const;
export type Role = (typeof roles)[number];
export const staffRoles = ["admin", "organizer", "host", "teacher"] as const satisfies readonly Role[];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (roles as readonly string[]).includes(value);
}

/** Where each role lands after signing in. */
export const roleHomePath: Record<Role, string> = {
  admin: "/admin",
  organizer: "/organizer",
  host: "/host",
  teacher: "/teacher",
  participant: "/me",
};
