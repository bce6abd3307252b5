import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { destroySession } from "~/utils/session.server";

export async function action({ request }: ActionFunctionArgs) {
  return redirect("/", { headers: { "Set-Cookie": await destroySession(request) } });
}

export function loader() {
  return redirect("/");
}
