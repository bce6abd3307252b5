import { useEffect, useRef, useState } from "react";
import { useT } from "~/utils/i18n/use-translation";
import { formatClock } from "./format";

/**
 * The time left, counted down in the browser from what the server said was left when it rendered
 * the page (so the phone's own clock, right or wrong, plays no part). The server keeps the real
 * deadline; this only shows it. `onExpired` fires once at zero.
 */
export function Countdown({ remainingMs, onExpired }: { remainingMs: number; onExpired?: () => void }) {
  const t = useT();
  const [left, setLeft] = useState(remainingMs);
  // Kept in a ref so a new callback from the parent does not restart the count.
  const expired = useRef(onExpired);
  expired.current = onExpired;
  useEffect(() => {
    const started = performance.now();
    setLeft(remainingMs);
    let fired = false;
    const timer = window.setInterval(() => {
      const now = Math.max(0, remainingMs - (performance.now() - started));
      setLeft(now);
      if (now === 0 && !fired) {
        fired = true;
        window.clearInterval(timer);
        expired.current?.();
      }
    }, 250);
    return () => window.clearInterval(timer);
  }, [remainingMs]);
  return (
    <p className="font-mono text-lg font-semibold" role="timer" aria-label={t("attempt.timeLeft")}>
      {left > 0 ? (
        <>
          {t("attempt.timeLeft")}: <span data-testid="time-left">{formatClock(left)}</span>
        </>
      ) : (
        <span role="status">{t("attempt.timeUp")}</span>
      )}
    </p>
  );
}
