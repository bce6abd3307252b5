import type { Role } from "~/utils/roles";

/**
 * The demo accounts, one per role, with the passwords the README prints. They exist only in demo
 * mode (DEMO_MODE=true): the seed creates them then, and a production start without demo mode
 * refuses to run while any account still accepts one of these passwords (demo-mode.server.ts).
 */
export const demoAccounts: { username: string; displayName: string; role: Role; password: string; unitCode?: string }[] = [
  { username: "admin", displayName: "Quản trị viên", role: "admin", password: "asean-admin" },
  { username: "btc", displayName: "Ban tổ chức cuộc thi", role: "organizer", password: "asean-btc" },
  { username: "btc2", displayName: "Ban tổ chức (Đài PTTH)", role: "organizer", password: "asean-btc2" },
  { username: "dai-ptth", displayName: "Người dẫn Đài PTTH", role: "host", password: "asean-host" },
  {
    username: "giaovien",
    displayName: "Cô giáo Lan",
    role: "teacher",
    password: "asean-teacher",
    unitCode: "bn-bac-giang-thcs-mau",
  },
  {
    username: "hocsinh",
    displayName: "Nguyễn Minh An",
    role: "participant",
    password: "asean-student",
    unitCode: "bn-bac-giang-thcs-mau",
  },
];

/** Every password printed in the README: never accepted as a new password. */
export const publishedPasswords: readonly string[] = demoAccounts.map((account) => account.password);

export function isPublishedPassword(password: string): boolean {
  return publishedPasswords.includes(password);
}
