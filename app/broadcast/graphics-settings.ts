import { z } from "zod";

/**
 * How a game looks on air (docs/decisions/031). Stored per game (LiveGame.overlayLayout,
 * overlayKey, soundCues), set on the host's console; a display URL may override them for one
 * output (`layout`, `key`, `sound`), so a director can feed a lower third to one input of the
 * vision mixer and the full screen to another from the same game.
 */

export const OVERLAY_LAYOUTS = ["full", "lower-third", "side-panel"] as const;
export type OverlayLayout = (typeof OVERLAY_LAYOUTS)[number];

/** Chroma-key green (the usual #00B140) and blue; any #rrggbb may be chosen. */
export const DEFAULT_KEY_COLOUR = "#00b140";
export const KEY_COLOUR_PRESETS = ["#00b140", "#0047bb", "#ff00ff"] as const;

const HEX_COLOUR = /^#[0-9a-f]{6}$/;

export type GraphicsSettings = {
  layout: OverlayLayout;
  /** A solid background for vision mixers that take no alpha channel; null: transparent. */
  keyColour: string | null;
  soundCues: boolean;
};

export const DEFAULT_GRAPHICS: GraphicsSettings = { layout: "full", keyColour: null, soundCues: false };

/**
 * EBU R 95: graphics stay inside the central 90 % of the frame in each direction, i.e. 96 × 54 px
 * from the edges of a 1920 × 1080 picture.
 */
export const GRAPHICS_SAFE_MARGIN = 0.05;

export function safeArea(width: number, height: number) {
  return {
    left: width * GRAPHICS_SAFE_MARGIN,
    top: height * GRAPHICS_SAFE_MARGIN,
    right: width * (1 - GRAPHICS_SAFE_MARGIN),
    bottom: height * (1 - GRAPHICS_SAFE_MARGIN),
  };
}

export function isOverlayLayout(value: unknown): value is OverlayLayout {
  return typeof value === "string" && (OVERLAY_LAYOUTS as readonly string[]).includes(value);
}

/** A stored row as settings; an unknown stored value falls back to the default rather than break the display. */
export function graphicsFromRow(row: { overlayLayout: string; overlayKey: string | null; soundCues: boolean }): GraphicsSettings {
  return {
    layout: isOverlayLayout(row.overlayLayout) ? row.overlayLayout : DEFAULT_GRAPHICS.layout,
    keyColour: row.overlayKey && HEX_COLOUR.test(row.overlayKey) ? row.overlayKey : null,
    soundCues: row.soundCues,
  };
}

/** The console's form. Messages are i18n keys (app/utils/i18n/messages/broadcast.ts). */
export const graphicsFormSchema = z
  .object({
    layout: z.enum(OVERLAY_LAYOUTS, { error: "broadcast.settings.error.layout" }),
    background: z.enum(["transparent", "key"], { error: "broadcast.settings.error.background" }),
    keyColour: z
      .string()
      .trim()
      .toLowerCase()
      .regex(HEX_COLOUR, "broadcast.settings.error.keyColour")
      .default(DEFAULT_KEY_COLOUR),
    soundCues: z.literal("on").optional(),
  })
  .transform(
    (form): GraphicsSettings => ({
      layout: form.layout,
      keyColour: form.background === "key" ? form.keyColour : null,
      soundCues: form.soundCues === "on",
    }),
  );

/**
 * What one display URL asks for: `overlay=1` for graphics over video, and optional overrides of
 * the game's settings. A value that does not parse is ignored, never an error on air.
 */
export function displayOptions(search: URLSearchParams, stored: GraphicsSettings): { overlay: boolean } & GraphicsSettings {
  const layout = search.get("layout");
  const key = search.get("key");
  const sound = search.get("sound");
  const keyHex = key ? `#${key.replace(/^#/, "").toLowerCase()}` : null;
  return {
    overlay: search.get("overlay") === "1",
    layout: isOverlayLayout(layout) ? layout : stored.layout,
    keyColour: key === "none" ? null : keyHex && HEX_COLOUR.test(keyHex) ? keyHex : stored.keyColour,
    soundCues: sound === "1" ? true : sound === "0" ? false : stored.soundCues,
  };
}
