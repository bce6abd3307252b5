import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useCallback, useMemo, useRef, useState } from "react";
import type { ShellHandle } from "~/components/app-shell";
import { codeText } from "~/components/live/error-text";
import { PlayerScreen } from "~/components/live/player-screen";
import { useLiveSocket, type LiveClientSocket } from "~/components/live/use-live-socket";
import { Button, Field, Notice } from "~/components/ui/field";
import { joinableUnits, openGameByPin } from "~/live/live-games.server";
import { capitalize, type AreaLevel } from "~/units/unit-kinds";
import { currentView, receiveCommon, receiveView, type PlayerStream } from "~/live/player-stream";
import { MAX_NAME_LENGTH } from "~/live/constants";
import { parseStoredPaths, type DelayPath } from "~/live/play-along-state";
import { prisma } from "~/utils/db.server";
import { useT } from "~/utils/i18n/use-translation";
import { openGraph, originFrom } from "~/utils/og";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  openGraph({
    title: data?.game ? `${data.game.title} — Sân chơi ASEAN` : "Sân chơi ASEAN — trò chơi trực tiếp",
    description: `Vào trò chơi trực tiếp với mã PIN ${data?.pin ?? ""}: trả lời câu hỏi về ASEAN ngay trên điện thoại.`,
    origin: originFrom(matches),
    path: `/play/${data?.pin ?? ""}`,
  });

/** The game fills the phone: no site header above the answer buttons (the shell reads this). */
export const handle: ShellHandle = { chrome: "none" };

export async function loader({ params }: LoaderFunctionArgs) {
  const pin = params.pin ?? "";
  const game = await openGameByPin(prisma, pin);
  if (!game) return { pin, game: null, units: null, paths: [] };
  // A play-along game: viewers at home pick the broadcast path they watch through (docs/decisions/038).
  const paths = parseStoredPaths(game.playAlongPaths);
  return { pin, game: { id: game.id, title: game.title }, units: await joinableUnits(prisma), paths };
}

/** Where the token of a game is kept on this phone: a reload or a lost connection comes back as the same player. */
function tokenKey(gameId: string): string {
  return `live-token:${gameId}`;
}

type Stage = "connecting" | "form" | "playing" | "kicked";

export default function PlayPage() {
  const { pin, game, units, paths } = useLoaderData<typeof loader>();
  const t = useT();
  if (!game || !units) {
    return (
      <div className="mx-auto flex w-full max-w-md flex-col gap-4 p-4">
        <HomeLink />
        <Notice tone="error">{t("live.play.noGame", { pin })}</Notice>
        <Link to="/join" className="text-brand-700 underline">
          {t("live.play.otherPin")}
        </Link>
      </div>
    );
  }
  return <Play gameId={game.id} title={game.title} pin={pin} units={units} paths={paths} />;
}

function Play({
  gameId,
  title,
  pin,
  units,
  paths,
}: {
  gameId: string;
  title: string;
  pin: string;
  paths: DelayPath[];
  units: { areas: { id: string; name: string }[]; schools: { id: string; name: string; areaId: string | null }[]; areaLevel: AreaLevel };
}) {
  const t = useT();
  const [stage, setStage] = useState<Stage>("connecting");
  // Whole snapshots and the common parts broadcast to every player (app/live/player-stream.ts).
  const [stream, setStream] = useState<PlayerStream | null>(null);
  const view = useMemo(() => currentView(stream), [stream]);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  // This connection is the player's once the server has taken their token (join or resume): an
  // answer sent before that, on a fresh connection after a drop, would reach nobody.
  const [attached, setAttached] = useState(false);
  // The server acknowledges an answer without a new snapshot (one message per answer, not two).
  const [answeredIndex, setAnsweredIndex] = useState<number | null>(null);
  const answerIds = useRef(new Map<number, string>());

  const onConnect = useCallback(
    (socket: LiveClientSocket) => {
      setAttached(false);
      socket.off("game:state").on("game:state", (incoming) => {
        if (incoming.audience === "player") setStream((current) => receiveView(current, incoming));
      });
      socket.off("game:common").on("game:common", (common) => setStream((current) => receiveCommon(current, common)));
      socket.off("game:kicked").on("game:kicked", () => {
        localStorage.removeItem(tokenKey(gameId));
        setStage("kicked");
        // Closed from this side before the server closes it: a connection the server closes comes
        // back on its own (use-live-socket.ts) and, with no token left, would offer the join form
        // in place of the reason.
        socket.disconnect();
      });
      const token = localStorage.getItem(tokenKey(gameId));
      if (!token) return setStage("form");
      void socket.timeout(10_000).emitWithAck("player:resume", { gameId, token }).then(
        (response) => {
          if (response.ok) {
            setStream((current) => receiveView(current, response.data.view));
            setAttached(true);
            setStage("playing");
          } else {
            if (response.error === "unknown-player" || response.error === "kicked") localStorage.removeItem(tokenKey(gameId));
            setStage(response.error === "kicked" ? "kicked" : "form");
          }
        },
        () => setStage("form"),
      );
    },
    [gameId],
  );
  const { socket, connected, offsetMs } = useLiveSocket(onConnect);

  async function join(name: string, unitId: string | null, pathId: string | null) {
    if (!socket) return;
    setError(null);
    try {
      const response = await socket.timeout(10_000).emitWithAck("player:join", { pin, name, unitId, pathId });
      if (!response.ok) return setError(codeText(t, response.error));
      localStorage.setItem(tokenKey(gameId), response.data.token);
      setStream((current) => receiveView(current, response.data.view));
      setAttached(true);
      setStage("playing");
    } catch {
      setError(t("live.code.generic"));
    }
  }

  async function answer(questionIndex: number, keys: string[]) {
    if (!socket) return;
    // One id per question: a retry after a lost ack is the same answer and counts once.
    const answerId = answerIds.current.get(questionIndex) ?? crypto.randomUUID();
    answerIds.current.set(questionIndex, answerId);
    setSending(true);
    setError(null);
    try {
      const response = await socket.timeout(10_000).emitWithAck("answer:submit", { gameId, questionIndex, optionIds: keys, answerId });
      if (response.ok || response.error === "already-answered") setAnsweredIndex(questionIndex);
      if (!response.ok) setError(codeText(t, response.error));
    } catch {
      setError(t("live.code.not-stored"));
    } finally {
      setSending(false);
    }
  }

  const connection =
    !connected && stage !== "kicked" ? (
      <p role="status" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">
        {stage === "connecting" ? t("live.join.connecting") : t("live.play.reconnecting")}
      </p>
    ) : null;
  if (stage === "playing" && view) {
    return (
      <div className="relative mx-auto w-full max-w-md">
        {/* Over the top bar rather than above it: a lost connection must not push the buttons down. */}
        {connection ? <div className="absolute inset-x-2 top-2 z-10">{connection}</div> : null}
        {/* The game's name heads the page for a screen reader; the phone's screen has no room for it. */}
        <h1 className="sr-only">{title}</h1>
        <PlayerScreen
          view={view}
          offsetMs={offsetMs}
          onAnswer={answer}
          sending={sending || !connected || !attached}
          error={error}
          answeredIndex={answeredIndex}
        />
      </div>
    );
  }
  return (
    <div className="mx-auto flex w-full max-w-md flex-col gap-4 p-4">
      <HomeLink />
      <p className="text-sm text-slate-600">
        {title} · {t("live.join.pin")} {pin}
      </p>
      {/* The join form has a heading of its own; while connecting or once removed, the game's name heads the page for a screen reader. */}
      {stage !== "form" ? <h1 className="sr-only">{title}</h1> : null}
      {connection}
      {stage === "kicked" ? <Notice tone="error">{t("live.play.kicked")}</Notice> : null}
      {stage === "form" ? <JoinForm units={units} paths={paths} onJoin={join} error={error} disabled={!connected} /> : null}
    </div>
  );
}

/** The way out before joining: the page has no site header. */
function HomeLink() {
  const t = useT();
  return (
    <Link to="/" className="text-sm font-bold text-brand-900">
      <span aria-hidden className="mr-1 text-asean-yellow">●</span>
      {t("journeys.play.leave")}
    </Link>
  );
}

function JoinForm({
  units,
  paths,
  onJoin,
  error,
  disabled,
}: {
  units: { areas: { id: string; name: string }[]; schools: { id: string; name: string; areaId: string | null }[]; areaLevel: AreaLevel };
  paths: DelayPath[];
  onJoin: (name: string, unitId: string | null, pathId: string | null) => Promise<void>;
  error: string | null;
  disabled: boolean;
}) {
  const t = useT();
  const [areaId, setAreaId] = useState("");
  const [busy, setBusy] = useState(false);
  const schools = units.schools.filter((school) => school.areaId === (areaId || null));
  return (
    <form
      className="flex flex-col gap-4 rounded-lg bg-white p-4 shadow-sm"
      onSubmit={async (event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const name = String(data.get("name") ?? "").trim();
        const schoolId = String(data.get("schoolId") ?? "");
        const pathId = String(data.get("pathId") ?? "");
        setBusy(true);
        await onJoin(name, schoolId || areaId || null, pathId || null);
        setBusy(false);
      }}
    >
      <h1 className="text-xl font-bold">{t("live.join.title")}</h1>
      {error ? <Notice tone="error">{error}</Notice> : null}
      <Field label={t("live.join.name")} name="name" required maxLength={MAX_NAME_LENGTH} autoComplete="nickname" hint={t("live.join.nameHint")} />
      <div className="flex flex-col gap-1">
        <label htmlFor="join-area" className="text-sm font-medium">
          {capitalize(t(`units.level.${units.areaLevel}`))}
        </label>
        <select
          id="join-area"
          name="areaId"
          value={areaId}
          onChange={(event) => setAreaId(event.target.value)}
          className="rounded border border-slate-300 px-3 py-2"
        >
          <option value="">{t("live.join.noArea")}</option>
          {units.areas.map((area) => (
            <option key={area.id} value={area.id}>
              {area.name}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="join-school" className="text-sm font-medium">
          {t("live.join.school")}
        </label>
        <select id="join-school" name="schoolId" className="rounded border border-slate-300 px-3 py-2" key={areaId}>
          <option value="">{t("live.join.noSchool")}</option>
          {schools.map((school) => (
            <option key={school.id} value={school.id}>
              {school.name}
            </option>
          ))}
        </select>
      </div>
      {paths.length > 0 ? <PathChoice paths={paths} /> : null}
      <Button type="submit" disabled={disabled || busy} className="py-3 text-lg">
        {t("live.join.submit")}
      </Button>
    </form>
  );
}

/** A play-along game: the studio, or the broadcast path this viewer watches through. */
function PathChoice({ paths }: { paths: DelayPath[] }) {
  const t = useT();
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor="join-path" className="text-sm font-medium">
        {t("playAlong.join.where")}
      </label>
      <select id="join-path" name="pathId" className="rounded border border-slate-300 px-3 py-2" aria-describedby="join-path-hint">
        <option value="">{t("playAlong.join.studio")}</option>
        {paths.map((path) => (
          <option key={path.id} value={path.id}>
            {t("playAlong.join.path", { name: path.name, seconds: path.delayMs / 1000 })}
          </option>
        ))}
      </select>
      <p id="join-path-hint" className="text-sm text-slate-600">
        {t("playAlong.join.hint")}
      </p>
    </div>
  );
}
