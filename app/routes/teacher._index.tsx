import type { LoaderFunctionArgs } from "@remix-run/node";
import { RoleHome } from "~/components/role-home";
import { requireUser } from "~/utils/auth.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "teacher");
  return null;
}

export default function TeacherHome() {
  return <RoleHome title="teacher.home.title" />;
}
