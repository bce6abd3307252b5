import colors from "tailwindcss/colors";
import { describe, expect, it } from "vitest";
import { optionStyles } from "./option-style";

// White answer text on the option colours must stay readable on a phone in daylight (WCAG AA, 4.5:1).
// Tailwind 4 gives its palette in OKLCH; the luminance is computed from it as browsers do.

function luminanceOfOklch(value: string): number {
  const [, l, c, h] = /oklch\(([\d.]+)% ([\d.]+) ([\d.]+)\)/.exec(value)!.map(Number);
  const lightness = l / 100;
  const a = c * Math.cos((h * Math.PI) / 180);
  const b = c * Math.sin((h * Math.PI) / 180);
  const l_ = (lightness + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m_ = (lightness - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s_ = (lightness - 0.0894841775 * a - 1.291485548 * b) ** 3;
  const clamp = (x: number) => Math.min(1, Math.max(0, x));
  const red = clamp(4.0767416621 * l_ - 3.3077115913 * m_ + 0.2309699292 * s_);
  const green = clamp(-1.2684380046 * l_ + 2.6097574011 * m_ - 0.3413193965 * s_);
  const blue = clamp(-0.0041960863 * l_ - 0.7034186147 * m_ + 1.707614701 * s_);
  return 0.2126 * red + 0.7152 * green + 0.0722 * blue;
}

function contrastWithWhite(tailwindClass: string): number {
  const [, hue, shade] = /^bg-([a-z]+)-(\d+)$/.exec(tailwindClass)!;
  const palette = colors[hue as keyof typeof colors] as Record<string, string>;
  return 1.05 / (luminanceOfOklch(palette[shade]) + 0.05);
}

describe("answer option colours", () => {
  it("knows a colour that fails: white on amber-500", () => {
    expect(contrastWithWhite("bg-amber-500")).toBeLessThan(3);
  });

  it.each(Object.entries(optionStyles))("option %s keeps white text at 4.5:1 or more", (_key, style) => {
    expect(contrastWithWhite(style.bg)).toBeGreaterThanOrEqual(4.5);
  });
});
