/**
 * Keyboard and presentation-clicker control of the host console. Clickers send PageDown /
 * PageUp (some send the arrow keys), "B" or "." for their blank-screen button, and F5 / Escape
 * for their start-slideshow button. The forward button is "next"; back and blank are "hold on"
 * (pause, or resume) because a game cannot step back. Skipping a question and ending the game
 * cannot be undone, so their keys must be pressed twice within CONFIRM_WINDOW_MS.
 */
export type ShortcutAction = "next" | "pause-or-resume" | "skip" | "rescue" | "end" | "lock-or-unlock" | "help";

export type KeyPress = { key: string; ctrlKey?: boolean; altKey?: boolean; metaKey?: boolean; repeat?: boolean };

export const CONFIRM_WINDOW_MS = 3_000;

const KEYMAP: Record<string, ShortcutAction | "swallow"> = {
  PageDown: "next",
  ArrowRight: "next",
  ArrowDown: "next",
  n: "next",
  PageUp: "pause-or-resume",
  ArrowLeft: "pause-or-resume",
  ArrowUp: "pause-or-resume",
  b: "pause-or-resume",
  ".": "pause-or-resume",
  p: "pause-or-resume",
  Pause: "pause-or-resume",
  s: "skip",
  r: "rescue",
  e: "end",
  l: "lock-or-unlock",
  "?": "help",
  h: "help",
  // A clicker's slideshow button: reloading the console mid-game would drop the host's connection.
  F5: "swallow",
};

/** The keys each action answers to, for the help panel. */
export const SHORTCUT_KEYS: Record<ShortcutAction, string[]> = {
  next: ["PageDown", "→", "↓", "N"],
  "pause-or-resume": ["PageUp", "←", "↑", "B", ".", "P"],
  skip: ["S S"],
  rescue: ["R"],
  end: ["E E"],
  "lock-or-unlock": ["L"],
  help: ["?", "H"],
};

export const NEEDS_CONFIRMATION: ReadonlySet<ShortcutAction> = new Set(["skip", "end"]);

/** The action for a key press; "swallow" for a key to keep from the browser; null for any other key. */
export function shortcutFor(press: KeyPress): ShortcutAction | "swallow" | null {
  if (press.ctrlKey || press.altKey || press.metaKey) return null;
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  const action = KEYMAP[key] ?? null;
  // A held key or a clicker's auto-repeat must not fire "next" five times.
  if (press.repeat && action !== "swallow") return null;
  return action;
}

export type Armed = { action: ShortcutAction; until: number } | null;

/**
 * The second press confirms: an irreversible action fires only if the same key was pressed within
 * the window before; otherwise it arms. Any other action disarms.
 */
export function confirmPress(armed: Armed, action: ShortcutAction, now: number): { fire: boolean; armed: Armed } {
  if (!NEEDS_CONFIRMATION.has(action)) return { fire: true, armed: null };
  if (armed && armed.action === action && now <= armed.until) return { fire: true, armed: null };
  return { fire: false, armed: { action, until: now + CONFIRM_WINDOW_MS } };
}

/** Typing in a field is typing, not a command; arrow keys in a radio group move its choice. */
export function isTypingTarget(target: { tagName?: string; isContentEditable?: boolean; type?: string } | null): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = (target.tagName ?? "").toLowerCase();
  if (tag === "textarea" || tag === "select") return true;
  if (tag !== "input") return false;
  return !["checkbox", "button", "submit", "reset", "color"].includes((target.type ?? "text").toLowerCase());
}

export type ShortcutCommand =
  | { command: "start" | "next" | "pause" | "resume" | "skip" | "rescue" | "end" }
  | { command: "lock" | "unlock" };

type ConsoleState = {
  phase: string;
  paused: string | null;
  controls: { next: string | null; rescuable: number; joinLocked: boolean } | null;
};

/** What a shortcut does now: the same command the console's button for it would send, or null when that button is not shown. */
export function commandFor(action: Exclude<ShortcutAction, "help">, view: ConsoleState | null): ShortcutCommand | null {
  const controls = view?.controls;
  if (!view || !controls) return null;
  const timed = view.phase === "countdown" || view.phase === "question";
  switch (action) {
    case "next":
      if (!controls.next) return null;
      return { command: controls.next === "start" ? "start" : controls.next === "end" ? "end" : "next" };
    case "pause-or-resume":
      if (view.paused) return { command: "resume" };
      return timed ? { command: "pause" } : null;
    case "skip":
      return timed ? { command: "skip" } : null;
    case "rescue":
      return controls.rescuable > 0 ? { command: "rescue" } : null;
    case "end":
      return view.phase === "ended" || view.phase === "podium" || view.phase === "lobby" ? null : { command: "end" };
    case "lock-or-unlock":
      return view.phase === "ended" ? null : { command: controls.joinLocked ? "unlock" : "lock" };
  }
}
