import { data, redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Button, Field } from "~/components/ui/field";
import { answerNoSoonerThan, joinThrottle } from "~/live/join-throttle.server";
import { openGameByPin, PIN_PATTERN } from "~/live/live-games.server";
import { prisma } from "~/utils/db.server";
import type { MessageKey } from "~/utils/i18n";
import { useT } from "~/utils/i18n/use-translation";
import { openGraph, originFrom } from "~/utils/og";

export const meta: MetaFunction = ({ matches, location }) =>
  openGraph({
    title: "Vào trò chơi — Sân chơi ASEAN",
    description: "Nhập mã PIN trên màn hình của người dẫn để chơi đố vui về ASEAN ngay trên điện thoại.",
    origin: originFrom(matches),
    path: `${location.pathname}${location.search}`,
  });

/** The PIN form, and the target of the QR code (/join?pin=123456): a valid PIN goes straight to the game. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const pin = new URL(request.url).searchParams.get("pin")?.trim() ?? null;
  const problem = (error: MessageKey | null) => ({ pin: pin ?? "", error });
  if (pin === null || pin === "") return problem(null);
  if (!PIN_PATTERN.test(pin)) return problem("live.join.error.pin");
  // Walking PINs is throttled per address, and a wrong PIN is answered no sooner than a right one.
  const startedAt = performance.now();
  if (!joinThrottle.allowPinLookup(context.clientAddress ?? "unknown", Date.now())) {
    await answerNoSoonerThan(startedAt);
    return data(problem("live.join.error.tooMany"), { status: 429 });
  }
  const game = await openGameByPin(prisma, pin);
  await answerNoSoonerThan(startedAt);
  if (!game) return problem("live.join.error.noGame");
  throw redirect(`/play/${pin}`);
}

export default function JoinPage() {
  const { pin, error } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <Form method="get" className="mx-auto flex max-w-sm flex-col gap-4 rounded-lg bg-white p-5 shadow-sm">
      <h1 className="text-2xl font-bold">{t("live.join.title")}</h1>
      <Field
        label={t("live.join.pin")}
        name="pin"
        defaultValue={pin}
        inputMode="numeric"
        pattern="\d{6}"
        maxLength={6}
        required
        autoComplete="off"
        hint={t("live.join.pinHint")}
        error={error ?? undefined}
        className="rounded border border-slate-300 px-3 py-3 text-center text-3xl tracking-[0.3em]"
      />
      <Button type="submit" className="py-3 text-lg">
        {t("live.join.continue")}
      </Button>
    </Form>
  );
}
