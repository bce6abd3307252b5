import { useEffect, useRef, useState } from "react";
import {
  commandFor,
  confirmPress,
  isTypingTarget,
  shortcutFor,
  SHORTCUT_KEYS,
  type Armed,
  type ShortcutAction,
  type ShortcutCommand,
} from "~/broadcast/host-shortcuts";
import type { StaffView } from "~/live/player-view";
import { useT } from "~/utils/i18n/use-translation";

/**
 * The console's keys and clicker buttons (app/broadcast/host-shortcuts.ts): each sends what the
 * matching button would, and nothing while a command is on its way (a double click of a clicker
 * is one "next"). Skip and end want a second press; `armed` says which is waiting for it.
 */
export function useHostShortcuts(view: StaffView | null, busy: boolean, send: (command: ShortcutCommand) => void) {
  const [armed, setArmed] = useState<Armed>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const latest = useRef({ view, busy, send, armed });
  latest.current = { view, busy, send, armed };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTypingTarget(event.target as HTMLElement | null)) return;
      const action = shortcutFor(event);
      if (!action) return;
      if (action === "swallow") return event.preventDefault();
      if (action === "help") {
        event.preventDefault();
        return setHelpOpen((open) => !open);
      }
      const current = latest.current;
      const command = commandFor(action, current.view);
      if (!command || current.busy) return;
      event.preventDefault();
      const press = confirmPress(current.armed, action, Date.now());
      setArmed(press.armed);
      if (press.fire) current.send(command);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  useEffect(() => {
    if (!armed) return;
    const timer = setTimeout(() => setArmed(null), Math.max(0, armed.until - Date.now()));
    return () => clearTimeout(timer);
  }, [armed]);

  return { armed, helpOpen, setHelpOpen };
}

const ORDER: ShortcutAction[] = ["next", "pause-or-resume", "skip", "rescue", "end", "lock-or-unlock", "help"];

export function ShortcutPanel({ armed, helpOpen, setHelpOpen }: ReturnType<typeof useHostShortcuts>) {
  const t = useT();
  return (
    <div className="flex flex-col gap-2">
      {armed ? (
        <p role="status" className="rounded border border-amber-400 bg-amber-50 px-3 py-2 font-semibold text-amber-900">
          {t(armed.action === "end" ? "broadcast.shortcuts.confirmEnd" : "broadcast.shortcuts.confirmSkip")}
        </p>
      ) : null}
      <details open={helpOpen} onToggle={(event) => setHelpOpen((event.target as HTMLDetailsElement).open)} className="text-sm">
        <summary className="cursor-pointer text-brand-700 underline">{t("broadcast.shortcuts.title")}</summary>
        <table className="mt-2">
          <tbody>
            {ORDER.map((action) => (
              <tr key={action}>
                <td className="py-0.5 pr-4">{t(`broadcast.shortcuts.${action}`)}</td>
                <td className="py-0.5">
                  {SHORTCUT_KEYS[action].map((key) => (
                    <kbd key={key} className="mr-1 rounded border border-slate-300 bg-slate-100 px-1.5 font-mono text-xs">
                      {key}
                    </kbd>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="mt-1 text-xs text-slate-600">{t("broadcast.shortcuts.note")}</p>
      </details>
    </div>
  );
}
