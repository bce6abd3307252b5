/** Colour and shape per display key, as players know them from quiz shows: shape tells them apart without colour. */
export const optionStyles: Record<string, { bg: string; shape: string }> = {
  A: { bg: "bg-red-600", shape: "▲" },
  B: { bg: "bg-blue-600", shape: "◆" },
  C: { bg: "bg-amber-700", shape: "●" },
  D: { bg: "bg-green-700", shape: "■" },
  E: { bg: "bg-purple-600", shape: "★" },
  F: { bg: "bg-teal-700", shape: "⬟" },
};

export function optionStyle(key: string) {
  return optionStyles[key] ?? { bg: "bg-slate-600", shape: "•" };
}
