// Account commands that need no running server:
//   npm run admin:create [-- --username quantri --name "Quản trị viên"]
//       creates an administrator; the password is typed at a hidden prompt, or read from the first
//       line of standard input when that is not a terminal (automation, tests).
//   npm run accounts:lock-demo
//       disables every account that still has a password printed in the README.
import "dotenv/config";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { createAdministrator, lockPublishedPasswordAccounts } from "~/accounts/admin-setup.server";
import { prisma } from "~/utils/db.server";

async function readLines(): Promise<string[]> {
  const lines: string[] = [];
  const reader = createInterface({ input: process.stdin });
  for await (const line of reader) lines.push(line);
  return lines;
}

/** A prompt whose answer is not echoed (the terminal shows nothing while the password is typed). */
function askHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const reader = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const output = reader as unknown as { _writeToOutput: (text: string) => void; output: NodeJS.WriteStream };
    let asked = false;
    output._writeToOutput = (text: string) => {
      if (!asked) {
        process.stdout.write(text);
        asked = true;
      }
    };
    reader.question(question, (answer) => {
      reader.close();
      process.stdout.write("\n");
      resolve(answer);
    });
  });
}

function ask(question: string, fallback: string): Promise<string> {
  return new Promise((resolve) => {
    const reader = createInterface({ input: process.stdin, output: process.stdout });
    reader.question(`${question} [${fallback}]: `, (answer) => {
      reader.close();
      resolve(answer.trim() || fallback);
    });
  });
}

async function createAdmin(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { username: { type: "string" }, name: { type: "string" } } });
  const interactive = Boolean(process.stdin.isTTY);
  let username = values.username;
  let displayName = values.name;
  let password: string;
  if (interactive) {
    username ??= await ask("Tên đăng nhập / username", "quantri");
    displayName ??= await ask("Tên hiển thị / display name", "Quản trị viên");
    password = await askHidden("Mật khẩu / password (ít nhất 8 ký tự): ");
    const again = await askHidden("Nhập lại mật khẩu / repeat the password: ");
    if (again !== password) {
      console.error("Hai lần nhập mật khẩu không khớp. / The passwords do not match.");
      return 1;
    }
  } else {
    password = (await readLines())[0] ?? "";
    username ??= "quantri";
    displayName ??= "Quản trị viên";
  }
  const result = await createAdministrator(prisma, { username, displayName, password });
  if (!result.ok) {
    for (const problem of result.problems) console.error(problem);
    return 1;
  }
  console.log(`Đã tạo quản trị viên “${result.username}”. / Administrator “${result.username}” created.`);
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === "create-admin") return createAdmin(rest);
  if (command === "lock-demo") {
    const locked = await lockPublishedPasswordAccounts(prisma);
    console.log(locked.length > 0 ? `Disabled: ${locked.join(", ")}` : "No account has a README password.");
    return 0;
  }
  console.error("Usage: tsx scripts/accounts.ts <create-admin [--username U] [--name N] | lock-demo>");
  return 2;
}

main(process.argv.slice(2))
  .then(async (code) => {
    await prisma.$disconnect();
    process.exit(code);
  })
  .catch(async (error) => {
    console.error(error instanceof Error ? error.message : error);
    await prisma.$disconnect();
    process.exit(1);
  });
