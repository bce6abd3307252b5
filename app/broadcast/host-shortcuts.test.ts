import { describe, expect, it } from "vitest";
import { CONFIRM_WINDOW_MS, confirmPress, isTypingTarget, shortcutFor } from "./host-shortcuts";

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

  it("leaves typing in text fields alone but not a focused button or tick box", () => {
    expect(isTypingTarget({ tagName: "INPUT", type: "text" })).toBe(true);
    expect(isTypingTarget({ tagName: "TEXTAREA" })).toBe(true);
    expect(isTypingTarget({ tagName: "DIV", isContentEditable: true })).toBe(true);
    expect(isTypingTarget({ tagName: "BUTTON" })).toBe(false);
    expect(isTypingTarget({ tagName: "INPUT", type: "checkbox" })).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});
