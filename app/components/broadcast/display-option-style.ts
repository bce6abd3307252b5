/**
 * Option colours and shapes on the display: the hues the phones use (option-style.ts), in shades
 * dark enough (or with dark text, for amber) that their text keeps 4.5:1 contrast, since the tiles
 * go out on air over any picture.
 */
const STYLES: Record<string, { tile: string; bar: string; shape: string }> = {
  A: { tile: "bg-red-700 text-white", bar: "bg-red-500", shape: "▲" },
  B: { tile: "bg-blue-700 text-white", bar: "bg-blue-500", shape: "◆" },
  C: { tile: "bg-amber-400 text-slate-950", bar: "bg-amber-400", shape: "●" },
  D: { tile: "bg-green-700 text-white", bar: "bg-green-500", shape: "■" },
  E: { tile: "bg-purple-700 text-white", bar: "bg-purple-500", shape: "★" },
  F: { tile: "bg-teal-700 text-white", bar: "bg-teal-500", shape: "⬟" },
};

export function displayOptionStyle(key: string) {
  return STYLES[key] ?? { tile: "bg-slate-700 text-white", bar: "bg-slate-400", shape: "•" };
}
