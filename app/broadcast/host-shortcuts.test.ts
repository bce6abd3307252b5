import { describe, expect, it } from "vitest";
import { CONFIRM_WINDOW_MS, commandFor, confirmPress, isTypingTarget, shortcutFor } from "./host-shortcuts";

describe("host console shortcuts", () => {
  it("takes a clicker's forward button as next and its back and blank buttons as pause or resume", () => {
    for (const key of ["PageDown", "ArrowRight", "ArrowDown", "n", "N"]) expect(shortcutFor({ key })).toBe("next");
    for (const key of ["PageUp", "ArrowLeft", "ArrowUp", "b", "B", ".", "p", "Pause"]) expect(shortcutFor({ key })).toBe("pause-or-resume");
  });

  it("maps the other commands to letters and keeps a clicker's F5 from reloading the console", () => {
    expect(shortcutFor({ key: "s" })).toBe("skip");
    expect(shortcutFor({ key: "R" })).toBe("rescue");
    expect(shortcutFor({ key: "e" })).toBe("end");
    expect(shortcutFor({ key: "l" })).toBe("lock-or-unlock");
    expect(shortcutFor({ key: "?" })).toBe("help");
    expect(shortcutFor({ key: "F5" })).toBe("swallow");
    expect(shortcutFor({ key: "F5", repeat: true })).toBe("swallow");
    expect(shortcutFor({ key: "x" })).toBeNull();
  });

  it("ignores held keys (auto-repeat) and keys with a modifier (the browser's own shortcuts)", () => {
    expect(shortcutFor({ key: "PageDown", repeat: true })).toBeNull();
    expect(shortcutFor({ key: "r", ctrlKey: true })).toBeNull();
    expect(shortcutFor({ key: "l", metaKey: true })).toBeNull();
    expect(shortcutFor({ key: "ArrowLeft", altKey: true })).toBeNull();
  });

  it("fires skip and end only on a second press within the window, and fires the rest at once", () => {
    const first = confirmPress(null, "skip", 1_000);
    expect(first).toEqual({ fire: false, armed: { action: "skip", until: 1_000 + CONFIRM_WINDOW_MS } });
    expect(confirmPress(first.armed, "skip", 2_000)).toEqual({ fire: true, armed: null });
    expect(confirmPress(first.armed, "skip", 1_000 + CONFIRM_WINDOW_MS + 1).fire).toBe(false);
    expect(confirmPress(first.armed, "end", 2_000).fire).toBe(false);
    expect(confirmPress(first.armed, "next", 2_000)).toEqual({ fire: true, armed: null });
  });

  it("leaves typing in text fields, radio groups and sliders alone, but not a focused button or tick box", () => {
    expect(isTypingTarget({ tagName: "INPUT", type: "text" })).toBe(true);
    expect(isTypingTarget({ tagName: "TEXTAREA" })).toBe(true);
    expect(isTypingTarget({ tagName: "DIV", isContentEditable: true })).toBe(true);
    expect(isTypingTarget({ tagName: "BUTTON" })).toBe(false);
    expect(isTypingTarget({ tagName: "INPUT", type: "checkbox" })).toBe(false);
    expect(isTypingTarget({ tagName: "INPUT", type: "radio" })).toBe(true);
    expect(isTypingTarget({ tagName: "INPUT", type: "range" })).toBe(true);
    expect(isTypingTarget(null)).toBe(false);
  });
});

describe("what a shortcut sends", () => {
  const controls = { next: "next-question", rescuable: 0, joinLocked: false };
  it("sends the command the console's button would: start in the lobby, next mid-game, end at the podium", () => {
    expect(commandFor("next", { phase: "lobby", paused: null, controls: { ...controls, next: "start" } })).toEqual({ command: "start" });
    expect(commandFor("next", { phase: "leaderboard", paused: null, controls })).toEqual({ command: "next" });
    expect(commandFor("next", { phase: "podium", paused: null, controls: { ...controls, next: "end" } })).toEqual({ command: "end" });
    expect(commandFor("next", { phase: "question", paused: "host", controls: { ...controls, next: null } })).toBeNull();
  });

  it("pauses a running clock, resumes a paused game, and does nothing where no clock runs", () => {
    expect(commandFor("pause-or-resume", { phase: "question", paused: null, controls })).toEqual({ command: "pause" });
    expect(commandFor("pause-or-resume", { phase: "countdown", paused: "host-disconnected", controls })).toEqual({ command: "resume" });
    expect(commandFor("pause-or-resume", { phase: "reveal", paused: null, controls })).toBeNull();
  });

  it("skips only a countdown or question, rescues only when someone can be, ends only mid-game, toggles the lock", () => {
    expect(commandFor("skip", { phase: "question", paused: null, controls })).toEqual({ command: "skip" });
    expect(commandFor("skip", { phase: "reveal", paused: null, controls })).toBeNull();
    expect(commandFor("rescue", { phase: "reveal", paused: null, controls })).toBeNull();
    expect(commandFor("rescue", { phase: "reveal", paused: null, controls: { ...controls, rescuable: 3 } })).toEqual({ command: "rescue" });
    expect(commandFor("end", { phase: "lobby", paused: null, controls })).toBeNull();
    expect(commandFor("end", { phase: "reveal", paused: null, controls })).toEqual({ command: "end" });
    expect(commandFor("lock-or-unlock", { phase: "lobby", paused: null, controls })).toEqual({ command: "lock" });
    expect(commandFor("lock-or-unlock", { phase: "question", paused: null, controls: { ...controls, joinLocked: true } })).toEqual({ command: "unlock" });
    expect(commandFor("next", null)).toBeNull();
  });
});
