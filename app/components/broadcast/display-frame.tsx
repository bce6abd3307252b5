import type { OverlayLayout } from "~/broadcast/graphics-settings";
import type { LeaderRow, StaffView } from "~/live/player-view";
import type { Language } from "~/utils/i18n";
import { useLanguage, useT } from "~/utils/i18n/use-translation";
import { localised } from "../live/localised";
import { displayOptionStyle } from "./display-option-style";
import { FitBox } from "./fit-box";
import { useSoundCues } from "./sound-player";
import { isLastSeconds, TimerBar, useRemainingMs } from "./timer-bar";

export type DisplayGame = { id: string; token: string; title: string; pin: string; joinUrl: string; joinHost: string; qrSvg: string };

/** How one output looks: the plain display, or the overlay in a layout over transparency or a key colour. */
export type DisplayLook = { overlay: boolean; layout: OverlayLayout; keyColour: string | null; soundCues: boolean };

type Compact = "row" | "column" | null;

// Every text sits on one of these: near-opaque, so it reads over the brightest or busiest picture.
const PANEL = "rounded-[0.75em] bg-slate-950/90 text-white";
const NAMES_SHOWN = { full: 12, column: 8, row: 0 } as const;

/**
 * The big screen at 1920×1080 (any 16:9 size: everything is sized in `em` of a base that follows
 * the frame). Everything sits inside the EBU R 95 graphics-safe area, 5 % in from each edge.
 * The plain display fills the frame with the brand colour; the overlay leaves it transparent, or a
 * solid key colour for a vision mixer without an alpha input, and shows the game in the chosen
 * layout. `preview` draws it in a 16:9 box inside another page (the rundown).
 */
export function DisplayFrame({
  view,
  game,
  look,
  offsetMs,
  error = null,
  preview = false,
}: {
  view: StaffView | null;
  game: DisplayGame;
  look: DisplayLook;
  offsetMs: number;
  error?: string | null;
  preview?: boolean;
}) {
  const t = useT();
  const layout: OverlayLayout = look.overlay ? look.layout : "full";
  const question = view?.question ?? null;
  const remainingMs = useRemainingMs(question?.deadline ?? null, question?.remainingMs ?? 0, view?.paused != null, offsetMs);
  const sound = useSoundCues(
    look.soundCues && !preview,
    view
      ? { phase: view.phase, questionIndex: question?.index ?? null, secondsLeft: question ? Math.ceil(remainingMs / 1000) : null, paused: view.paused !== null }
      : null,
  );

  const frame = (
    <div data-safe-area className="absolute inset-x-[5%] inset-y-[5%]">
      {layout === "full" ? (
        <FullLayout view={view} game={game} error={error} remainingMs={remainingMs} offsetMs={offsetMs} />
      ) : (
        <CompactLayout layout={layout} view={view} game={game} error={error} remainingMs={remainingMs} offsetMs={offsetMs} />
      )}
      {sound.blocked ? (
        <button type="button" onClick={sound.unblock} className="absolute right-0 top-0 rounded-[0.5em] bg-amber-300 px-[0.75em] py-[0.25em] text-[1.25em] font-semibold text-slate-950">
          {t("broadcast.display.enableSound")}
        </button>
      ) : null}
    </div>
  );

  if (preview) {
    return (
      <div className="@container relative aspect-video w-full overflow-hidden rounded bg-brand-900 text-white" data-testid="display-preview">
        <div className="absolute inset-0" style={{ fontSize: "calc(100cqw / 120)" }}>
          {frame}
        </div>
      </div>
    );
  }
  const background = look.overlay ? (look.keyColour ?? "transparent") : null;
  return (
    <div
      data-testid="display"
      data-layout={layout}
      className={`fixed inset-0 z-50 overflow-hidden text-white ${background ? "" : "bg-brand-900"}`}
      // 16 px at 1080 lines, following the frame (a 1280×720 browser source gets the same picture).
      style={{ fontSize: "min(calc(100vw / 120), calc(100vh / 67.5))", background: background ?? undefined }}
    >
      {background ? <style>{`html, body { background: ${background} !important; }`}</style> : null}
      {frame}
    </div>
  );
}

type BodyProps = { view: StaffView | null; game: DisplayGame; error: string | null; remainingMs: number; offsetMs: number };

function FullLayout({ view, game, error, remainingMs, offsetMs }: BodyProps) {
  const t = useT();
  const language = useLanguage();
  return (
    <div className={`${PANEL} flex h-full flex-col gap-[1em] p-[2em]`}>
      <header className="flex items-center justify-between gap-[1em] text-[2em]">
        <span className="font-bold">{game.title}</span>
        {view && view.phase !== "lobby" ? (
          <span>
            {t("live.host.pin")} <strong className="font-mono tracking-widest">{game.pin}</strong>
          </span>
        ) : null}
      </header>
      {error ? <ErrorLine text={error} /> : null}
      <FitBox fitKey={fitKeyOf(view, "full", language)} className="flex flex-1 flex-col">
        {view ? <PhaseBody view={view} game={game} compact={null} remainingMs={remainingMs} offsetMs={offsetMs} /> : null}
      </FitBox>
      {view?.paused ? <PausedLine view={view} className="text-[2em]" /> : null}
    </div>
  );
}

function CompactLayout({ layout, view, game, error, remainingMs, offsetMs }: BodyProps & { layout: "lower-third" | "side-panel" }) {
  const language = useLanguage();
  const compact: Compact = layout === "lower-third" ? "row" : "column";
  const panel = view ? (
    <div className={`${PANEL} flex min-h-0 flex-col p-[1.25em] ${layout === "lower-third" ? "max-h-[48%]" : "flex-1"}`}>
      <FitBox fitKey={fitKeyOf(view, layout, language)} className="flex flex-1 flex-col" minScale={0.35}>
        <PhaseBody view={view} game={game} compact={compact} remainingMs={remainingMs} offsetMs={offsetMs} />
      </FitBox>
    </div>
  ) : null;
  return layout === "lower-third" ? (
    <div className="flex h-full flex-col justify-end gap-[0.5em]">
      {error ? <ErrorLine text={error} /> : null}
      <Tag view={view} game={game} />
      {panel}
    </div>
  ) : (
    <div className="flex h-full justify-end">
      <div className="flex h-full w-[36%] flex-col gap-[0.5em]">
        <Tag view={view} game={game} />
        {error ? <ErrorLine text={error} /> : null}
        {panel}
      </div>
    </div>
  );
}

/** The game's name and PIN above a lower third or side panel, and "paused" when it is. */
function Tag({ view, game }: { view: StaffView | null; game: DisplayGame }) {
  const t = useT();
  return (
    <div className="flex items-center gap-[0.5em] self-start text-[1.5em]">
      <span className={`${PANEL} px-[0.6em] py-[0.2em] font-bold`}>{game.title}</span>
      {view && view.phase !== "lobby" ? (
        <span className={`${PANEL} px-[0.6em] py-[0.2em]`}>
          {t("live.host.pin")} <strong className="font-mono tracking-widest">{game.pin}</strong>
        </span>
      ) : null}
      {view?.paused ? <PausedLine view={view} className="" /> : null}
    </div>
  );
}

function PausedLine({ view, className }: { view: StaffView; className: string }) {
  const t = useT();
  return (
    <p role="status" className={`rounded-[0.5em] bg-amber-300 px-[0.6em] py-[0.2em] text-center font-semibold text-slate-950 ${className}`}>
      {t(`live.paused.${view.paused!}`)}
    </p>
  );
}

function ErrorLine({ text }: { text: string }) {
  return (
    <p role="alert" className="rounded-[0.5em] bg-red-800 px-[0.75em] py-[0.3em] text-[2em] text-white">
      {text}
    </p>
  );
}

/** What changes the size of the content: the box fits again when it changes, not on every clock tick. */
function fitKeyOf(view: StaffView | null, layout: string, language: Language): string {
  if (!view) return `${layout}:none`;
  return [layout, language, view.phase, view.version, view.epoch, view.paused ?? "", view.counts.players].join(":");
}

type PhaseProps = { view: StaffView; game: DisplayGame; compact: Compact; remainingMs: number; offsetMs: number };

function PhaseBody(props: PhaseProps) {
  const { view } = props;
  const body = (() => {
    switch (view.phase) {
      case "lobby":
        return <Lobby {...props} />;
      case "countdown":
        return <Countdown {...props} />;
      case "question":
        return <Question {...props} />;
      case "reveal":
        return <Reveal {...props} />;
      case "leaderboard":
        return <Standings {...props} />;
      case "podium":
      case "ended":
        return <PodiumBody {...props} />;
    }
  })();
  return <div className="flex min-h-full flex-col justify-center">{body}</div>;
}

function Lobby({ view, game, compact }: PhaseProps) {
  const t = useT();
  const names = (view.lobby ?? []).slice(0, NAMES_SHOWN[compact ?? "full"]);
  const qr = (width: string) => (
    <div className={`${width} shrink-0 rounded-[0.75em] bg-white p-[0.75em]`} role="img" aria-label={t("live.host.qr")} dangerouslySetInnerHTML={{ __html: game.qrSvg }} />
  );
  const pin = (size: string) => (
    <p className={`font-mono ${size} font-black leading-tight tracking-[0.12em] text-asean-yellow`} data-testid="display-pin">
      {game.pin}
    </p>
  );
  const nameList =
    names.length > 0 ? (
      <ul className="flex flex-wrap gap-[0.5em] text-[1.5em]">
        {names.map((player) => (
          <li key={player.id} className="rounded-full bg-slate-700 px-[0.75em] py-[0.1em]">
            {player.name}
          </li>
        ))}
      </ul>
    ) : null;
  if (compact === "row") {
    return (
      <div className="flex items-center gap-[2em]">
        {qr("w-[11em]")}
        <div className="flex flex-col gap-[0.5em]">
          <p className="text-[2em]">{t("live.display.joinWith", { url: game.joinHost })}</p>
          {pin("text-[5em]")}
          <p className="text-[1.75em]">{t("live.display.players", { count: view.counts.players })}</p>
        </div>
      </div>
    );
  }
  if (compact === "column") {
    return (
      <div className="flex flex-col items-start gap-[0.75em]">
        <p className="text-[1.75em]">{t("live.display.joinWith", { url: game.joinHost })}</p>
        {pin("text-[4em]")}
        {qr("w-[16em]")}
        <p className="text-[1.75em]">{t("live.display.players", { count: view.counts.players })}</p>
        {nameList}
      </div>
    );
  }
  return (
    <div className="grid grid-cols-[1fr_auto] items-center gap-[3em]">
      <div className="flex flex-col gap-[1.25em]">
        <p className="text-[2.25em]">{t("live.display.joinWith", { url: game.joinHost })}</p>
        {pin("text-[9em]")}
        <p className="text-[2.25em]">{t("live.display.players", { count: view.counts.players })}</p>
        {nameList}
      </div>
      {qr("w-[24em]")}
    </div>
  );
}

function Countdown({ view, compact, offsetMs }: PhaseProps) {
  const t = useT();
  const countdown = view.countdown!;
  const left = useRemainingMs(countdown.endsAt, countdown.remainingMs, view.paused !== null, offsetMs, 200);
  const label = <p className={compact ? "text-[2.25em]" : "text-[3em]"}>{t("live.play.getReady", { number: countdown.questionIndex + 1, total: view.questionCount })}</p>;
  const number = <p className={`${compact ? "text-[5em]" : "text-[11em]"} font-black leading-tight`}>{Math.ceil(left / 1000)}</p>;
  return compact === "row" ? (
    <div className="flex items-center justify-between gap-[1em]">
      {label}
      {number}
    </div>
  ) : (
    <div className="flex flex-col items-center gap-[0.5em] text-center">
      {label}
      {number}
    </div>
  );
}

function Seconds({ remainingMs, className }: { remainingMs: number; className: string }) {
  const urgent = isLastSeconds(remainingMs);
  return (
    <span
      data-testid="display-seconds"
      data-urgent={urgent ? "true" : "false"}
      className={`flex h-[1.8em] min-w-[1.8em] shrink-0 items-center justify-center rounded-full px-[0.3em] font-black tabular-nums transition-transform ${
        urgent ? "scale-110 bg-red-600 text-white" : "bg-asean-yellow text-brand-900"
      } ${className}`}
    >
      {Math.ceil(remainingMs / 1000)}
    </span>
  );
}

function Question({ view, compact, remainingMs }: PhaseProps) {
  const t = useT();
  const language = useLanguage();
  const question = view.question!;
  const meta = (
    <>
      <span>{t("live.play.question", { number: question.index + 1, total: view.questionCount })}</span>
      <span>{t("live.display.answered", { count: view.counts.answered ?? 0 })}</span>
    </>
  );
  const timer = <TimerBar remainingMs={remainingMs} timeLimitMs={question.timeLimitMs} label={t("broadcast.display.timeLeft")} className={compact ? "text-[1.5em]" : "text-[2em]"} />;
  return (
    <div className={`flex flex-col ${compact ? "gap-[0.75em]" : "gap-[1.25em]"}`}>
      <div className={`flex items-center justify-between gap-[1em] ${compact ? "text-[1.5em]" : "text-[2em]"}`}>{meta}</div>
      <div className="flex items-start gap-[1em]">
        <h1 className={`flex-1 font-bold leading-tight ${compact ? "text-[2.25em]" : "text-[3.5em]"}`}>{localised(question.prompt, language)}</h1>
        <Seconds remainingMs={remainingMs} className={compact ? "text-[2.5em]" : "text-[4.5em]"} />
      </div>
      {timer}
      <ul className={`grid gap-[0.75em] ${compact === "column" ? "grid-cols-1" : "grid-cols-2"}`}>
        {question.options.map((option) => {
          const style = displayOptionStyle(option.id);
          return (
            <li key={option.id} className={`${style.tile} flex items-center gap-[0.5em] rounded-[0.5em] px-[0.6em] py-[0.4em] font-semibold ${compact ? "text-[1.75em]" : "text-[2.5em]"}`}>
              <span aria-hidden>{style.shape}</span>
              <span className="font-black">{option.id}</span>
              <span>{localised(option.text, language)}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function Reveal({ view, compact }: PhaseProps) {
  const t = useT();
  const language = useLanguage();
  const question = view.question;
  const result = view.result;
  if (!question || !result) return null;
  const most = Math.max(1, ...Object.values(result.histogram));
  const rows = (
    <ul className={`flex flex-col gap-[0.4em] ${compact ? "text-[1.5em]" : "text-[2em]"}`} aria-label={t("broadcast.display.answers")}>
      {question.options.map((option) => {
        const count = result.histogram[option.id] ?? 0;
        const correct = result.correctOptionIds.includes(option.id);
        const style = displayOptionStyle(option.id);
        return (
          <li
            key={option.id}
            data-correct={correct ? "true" : "false"}
            className={`flex items-center gap-[0.6em] rounded-[0.5em] px-[0.5em] py-[0.25em] ${correct ? "bg-green-800 text-white ring-[0.15em] ring-white" : "bg-slate-800 text-slate-200"}`}
          >
            <span className={`${style.tile} inline-flex min-w-[2.6em] items-center justify-center gap-[0.25em] rounded-[0.3em] px-[0.3em] font-black`}>
              <span aria-hidden>{style.shape}</span> {option.id}
            </span>
            <span className="flex min-w-0 flex-1 flex-col gap-[0.15em]">
              {/* A lower third or side panel has room for the right answer and the explanation, not every option again. */}
              {correct || !compact ? (
                <span>
                  {correct ? `✔ ${t("broadcast.display.right")}: ` : ""}
                  {localised(option.text, language)}
                </span>
              ) : null}
              <span className={`${style.bar} block h-[0.35em] rounded-full`} style={{ width: `${(count / most) * 100}%`, minWidth: "0.3em" }} />
            </span>
            <span className="w-[2.5em] text-right font-bold">{count}</span>
          </li>
        );
      })}
    </ul>
  );
  const tally = (
    <p className={compact ? "text-[1.5em]" : "text-[2em]"}>
      {t("live.display.correctCount", { count: result.correctCount })}
      {result.eliminatedCount > 0 ? ` · ${t("live.display.eliminatedCount", { count: result.eliminatedCount })}` : ""}
    </p>
  );
  // Read from across a living room: never smaller than the answers above it.
  const explanation = result.explanation ? (
    <p className={`rounded-[0.5em] bg-slate-800 px-[0.6em] py-[0.4em] leading-snug ${compact ? "text-[1.9em]" : "text-[2.25em]"}`} data-testid="display-explanation">
      <strong>{t("live.display.explanation")}: </strong>
      {localised(result.explanation, language)}
    </p>
  ) : null;
  if (compact === "row") {
    return (
      <div className="grid grid-cols-2 items-start gap-[1.25em]">
        <div className="flex flex-col gap-[0.5em]">
          {rows}
          {tally}
        </div>
        {explanation}
      </div>
    );
  }
  return (
    <div className={`flex flex-col ${compact ? "gap-[0.6em]" : "gap-[1em]"}`}>
      {/* A side panel leaves the prompt out: it was on screen a moment ago, and the explanation needs the room. */}
      {compact ? null : <h1 className="text-[2.5em] font-bold leading-tight">{localised(question.prompt, language)}</h1>}
      {rows}
      {tally}
      {explanation}
    </div>
  );
}

function Standings({ view, compact }: PhaseProps) {
  const t = useT();
  const rows = (view.leaderboard ?? []).slice(0, compact === "row" ? 6 : 10);
  const board = (
    <ol className={`grid gap-[0.3em] ${compact === "row" ? "grid-flow-col grid-cols-2 grid-rows-3 text-[1.6em]" : compact ? "text-[1.6em]" : "text-[2em]"}`}>
      {rows.map((row) => (
        <LeaderLine key={row.playerId} row={row} />
      ))}
    </ol>
  );
  const teams =
    !compact && view.teams && view.teams.length > 0 ? (
      <div className="flex flex-col gap-[0.5em]">
        <h2 className="text-[2.5em] font-bold">{t("live.display.teams")}</h2>
        <ol className="flex flex-col gap-[0.3em] text-[1.75em]">
          {view.teams.map((team) => (
            <li key={team.teamId} className="flex gap-[0.6em] rounded-[0.4em] bg-slate-800 px-[0.5em] py-[0.1em]">
              <span className="w-[1.5em] font-bold">{team.rank}</span>
              <span className="flex-1">{team.name}</span>
              <span className="font-bold">{team.averageScore}</span>
            </li>
          ))}
        </ol>
      </div>
    ) : null;
  return (
    <div className={teams ? "grid grid-cols-[2fr_1fr] gap-[2em]" : "flex flex-col"}>
      <div className="flex flex-col gap-[0.5em]">
        <h1 className={`font-bold ${compact ? "text-[2em]" : "text-[3em]"}`}>{t("live.display.leaderboard")}</h1>
        {board}
      </div>
      {teams}
    </div>
  );
}

function LeaderLine({ row }: { row: LeaderRow }) {
  return (
    <li className={`flex items-baseline gap-[0.6em] rounded-[0.4em] px-[0.5em] py-[0.1em] ${row.eliminated ? "bg-slate-800 text-slate-300" : "bg-slate-700"}`}>
      <span className="w-[1.5em] font-bold">{row.rank}</span>
      <span className="min-w-0 flex-1">
        {row.name}
        {row.unitName ? <span className="ml-[0.5em] text-[0.7em] text-slate-200">{row.unitName}</span> : null}
      </span>
      <span className="font-bold">{row.score}</span>
    </li>
  );
}

function PodiumBody({ view, compact }: PhaseProps) {
  const t = useT();
  const rows = view.podium ?? [];
  const heading = <h1 className={`text-center font-bold ${compact ? "text-[2em]" : "text-[3.5em]"}`}>{t("live.display.podium")}</h1>;
  const ended = view.phase === "ended" ? <p className={`text-center ${compact ? "text-[1.5em]" : "text-[2.25em]"}`}>{t("live.display.ended")}</p> : null;
  if (compact) {
    return (
      <div className="flex flex-col gap-[0.5em]">
        {heading}
        <ol className={`grid gap-[0.3em] text-[1.75em] ${compact === "row" ? "grid-cols-3" : ""}`}>
          {rows.map((row) => (
            <LeaderLine key={row.playerId} row={row} />
          ))}
        </ol>
        {ended}
      </div>
    );
  }
  const order = [rows[1], rows[0], rows[2]].filter(Boolean);
  // In em of the rank block's own (2em) text.
  const heights: Record<number, string> = { 1: "h-[4em]", 2: "h-[3em]", 3: "h-[2.25em]" };
  return (
    <div className="flex flex-col gap-[1.5em]">
      {heading}
      <div className="flex items-end justify-center gap-[1.5em]">
        {order.map((row) => (
          <div key={row.playerId} className="flex w-[22em] flex-col items-center gap-[0.4em] text-center">
            <span className="text-[2.25em] font-bold">{row.name}</span>
            {row.unitName ? <span className="text-[1.4em] text-slate-200">{row.unitName}</span> : null}
            <span className="text-[1.75em]">{row.score}</span>
            <div className={`${heights[row.rank] ?? heights[3]} flex w-full items-start justify-center rounded-t-[0.5em] bg-asean-yellow pt-[0.5em] text-[2em] font-black text-brand-900`}>
              {row.rank}
            </div>
          </div>
        ))}
      </div>
      {ended}
    </div>
  );
}
