import { useEffect, useState } from "react";
import { remainingOnClient } from "~/live/clock-sync";
import { TICK_SECONDS } from "~/broadcast/sound-cues";

/**
 * Time left to a server deadline in milliseconds, through the clock offset, refreshed often enough
 * for a smooth bar. Paused or without a deadline: the time the snapshot says is left.
 */
export function useRemainingMs(deadline: number | null, remainingMs: number, paused: boolean, offsetMs: number, everyMs = 100): number {
  const [clientNow, setClientNow] = useState(() => Date.now());
  useEffect(() => {
    if (deadline === null || paused) return;
    const timer = setInterval(() => setClientNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [deadline, paused, everyMs]);
  return deadline === null || paused ? remainingMs : remainingOnClient(deadline, clientNow, offsetMs);
}

export function isLastSeconds(remainingMs: number): boolean {
  return remainingMs > 0 && remainingMs <= TICK_SECONDS * 1000;
}

/**
 * The question's clock as a bar that empties; in the last seconds it turns red, grows and pulses,
 * so the studio and the viewers both feel the end coming. `label` is for screen readers.
 */
export function TimerBar({ remainingMs, timeLimitMs, label, className = "" }: { remainingMs: number; timeLimitMs: number; label: string; className?: string }) {
  const share = timeLimitMs > 0 ? Math.max(0, Math.min(1, remainingMs / timeLimitMs)) : 0;
  const urgent = isLastSeconds(remainingMs);
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={Math.round(timeLimitMs / 1000)}
      aria-valuenow={Math.ceil(remainingMs / 1000)}
      data-testid="timer-bar"
      data-urgent={urgent ? "true" : "false"}
      className={`w-full overflow-hidden rounded-full bg-slate-700 transition-[height] ${urgent ? "h-[1.1em]" : "h-[0.6em]"} ${className}`}
    >
      <div
        className={`h-full rounded-full ${urgent ? "animate-pulse bg-red-500" : "bg-asean-yellow"}`}
        style={{ width: `${share * 100}%`, transition: "width 100ms linear" }}
      />
    </div>
  );
}
