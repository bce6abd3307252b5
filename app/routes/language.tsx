import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { safeRedirectPath } from "~/utils/auth.server";
import { isLanguage } from "~/utils/i18n";
import { languageCookie } from "~/utils/i18n/language.server";

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const language = form.get("language");
  const to = safeRedirectPath(form.get("redirectTo"), "/");
  if (!isLanguage(language)) return redirect(to);
  return redirect(to, { headers: { "Set-Cookie": await languageCookie.serialize(language) } });
}

export function loader() {
  return redirect("/");
}
