import { describe, expect, it } from "vitest";
import { DEFAULT_GRAPHICS, displayOptions, graphicsFormSchema, graphicsFromRow, safeArea } from "./graphics-settings";

describe("on-air graphics settings", () => {
  it("puts the EBU R 95 graphics-safe area 96 × 54 px inside a 1920 × 1080 frame", () => {
    expect(safeArea(1920, 1080)).toEqual({ left: 96, top: 54, right: 1824, bottom: 1026 });
  });

  it("reads the console's form: a key colour only when a solid background is chosen", () => {
    expect(graphicsFormSchema.parse({ layout: "lower-third", background: "key", keyColour: "#00B140", soundCues: "on" })).toEqual({
      layout: "lower-third",
      keyColour: "#00b140",
      soundCues: true,
    });
    expect(graphicsFormSchema.parse({ layout: "side-panel", background: "transparent", keyColour: "#0047bb" })).toEqual({
      layout: "side-panel",
      keyColour: null,
      soundCues: false,
    });
  });

  it("refuses a layout or colour it does not know, with a message key", () => {
    const bad = graphicsFormSchema.safeParse({ layout: "banner", background: "key", keyColour: "green" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((issue) => issue.message).sort()).toEqual(["broadcast.settings.error.keyColour", "broadcast.settings.error.layout"]);
  });

  it("lets a display URL override the game's settings for one output, and ignores what does not parse", () => {
    const stored = { layout: "side-panel", keyColour: "#0047bb", soundCues: true } as const;
    expect(displayOptions(new URLSearchParams("overlay=1&layout=lower-third&key=00B140&sound=0"), stored)).toEqual({
      overlay: true,
      layout: "lower-third",
      keyColour: "#00b140",
      soundCues: false,
    });
    expect(displayOptions(new URLSearchParams("key=none"), stored)).toEqual({ overlay: false, layout: "side-panel", keyColour: null, soundCues: true });
    expect(displayOptions(new URLSearchParams("layout=huge&key=red&sound=maybe"), stored)).toEqual({ overlay: false, ...stored });
  });

  it("falls back to the defaults for a stored value it does not know", () => {
    expect(graphicsFromRow({ overlayLayout: "banner", overlayKey: "green", soundCues: false })).toEqual(DEFAULT_GRAPHICS);
  });
});
