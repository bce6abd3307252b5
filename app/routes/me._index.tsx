import type { LoaderFunctionArgs } from "@remix-run/node";
import { RoleHome } from "~/components/role-home";
import { requireUser } from "~/utils/auth.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "participant");
  return null;
}

export default function ParticipantHome() {
  return <RoleHome title="participant.home.title" />;
}
