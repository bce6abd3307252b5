import type { Page } from "@playwright/test";

// What a broadcast engineer checks on an output, measured in the real browser: nothing of the site,
// every box inside the EBU R 95 graphics-safe area, no text clipped, every text on a panel that
// keeps it readable over any picture.

export type FrameReport = { problems: string[]; texts: number; fitScales: number[] };

export async function inspectFrame(page: Page, options: { overlay: boolean }): Promise<FrameReport> {
  return page.evaluate(({ overlay }) => {
    const problems: string[] = [];
    const width = window.innerWidth;
    const height = window.innerHeight;
    const safe = { left: width * 0.05, top: height * 0.05, right: width * 0.95, bottom: height * 0.95 };
    const describe = (element: Element) =>
      `<${element.tagName.toLowerCase()}${element.getAttribute("data-testid") ? ` ${element.getAttribute("data-testid")}` : ""}> "${(element.textContent ?? "").trim().slice(0, 50)}"`;

    // Site chrome: the header, its navigation, the language switch, sign-in, the demo bar.
    for (const selector of ["nav", "form[action='/language']", "a[href='/login']", "a[href='/signup']", "[data-demo-marker]"]) {
      if (document.querySelector(selector)) problems.push(`site chrome on air: ${selector}`);
    }

    const area = document.querySelector("[data-safe-area]");
    const root = document.querySelector("[data-testid='display']");
    if (!area || !root) return { problems: [...problems, "no display frame"], texts: 0, fitScales: [] };
    const frame = new Set<Element>();
    for (let element: Element | null = area; element; element = element.parentElement) frame.add(element);
    const ownText = (element: Element) => [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? "").trim() !== "");

    for (const element of document.body.querySelectorAll("*")) {
      if (["SCRIPT", "STYLE", "LINK", "META", "TITLE", "NOSCRIPT", "TEMPLATE"].includes(element.tagName)) continue;
      const style = getComputedStyle(element);
      if (style.display === "none" || style.visibility === "hidden") continue;
      const rect = element.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0) continue;
      if (frame.has(element)) {
        // The frame itself (page, root, the safe area) may fill the picture but carries no text.
        if (ownText(element)) problems.push(`text outside the panels: ${describe(element)}`);
        continue;
      }
      if (!area.contains(element)) {
        problems.push(`outside the display: ${describe(element)}`);
        continue;
      }
      if (rect.left < safe.left - 0.5 || rect.top < safe.top - 0.5 || rect.right > safe.right + 0.5 || rect.bottom > safe.bottom + 0.5) {
        problems.push(`outside the safe area: ${describe(element)} at ${Math.round(rect.left)},${Math.round(rect.top)}–${Math.round(rect.right)},${Math.round(rect.bottom)}`);
      }
    }

    const fitScales: number[] = [];
    for (const box of document.querySelectorAll<HTMLElement>("[data-fit-box]")) {
      if (box.scrollHeight > box.clientHeight + 1 || box.scrollWidth > box.clientWidth + 1) problems.push(`clipped: ${describe(box)}`);
      fitScales.push(Number(box.dataset.fitScale ?? "1"));
    }

    // Colours as the browser resolves them (Tailwind writes oklch), read back through a canvas.
    const canvas = document.createElement("canvas");
    canvas.width = 1;
    canvas.height = 1;
    const context = canvas.getContext("2d", { willReadFrequently: true })!;
    const rgba = (css: string): [number, number, number, number] => {
      context.clearRect(0, 0, 1, 1);
      context.fillStyle = "#000";
      context.fillStyle = css;
      context.fillRect(0, 0, 1, 1);
      const [r, g, b, a] = context.getImageData(0, 0, 1, 1).data;
      return [r, g, b, a / 255];
    };
    const over = (top: [number, number, number, number], below: [number, number, number]): [number, number, number] =>
      [0, 1, 2].map((channel) => top[3] * top[channel] + (1 - top[3]) * below[channel]) as [number, number, number];
    const luminance = ([r, g, b]: [number, number, number]) => {
      const linear = (value: number) => {
        const v = value / 255;
        return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    };
    const contrast = (a: [number, number, number], b: [number, number, number]) => {
      const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (light + 0.05) / (dark + 0.05);
    };

    let texts = 0;
    for (const element of area.querySelectorAll("*")) {
      if (!ownText(element)) continue;
      const rect = element.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      texts += 1;
      // The panels behind the text, innermost first, down to the first opaque one. On an overlay
      // the display's own background is the video (or the key colour, which becomes video).
      const layers: [number, number, number, number][] = [];
      let dimmed = false;
      for (let node: Element | null = element; node && node !== root; node = node.parentElement) {
        if (Number(getComputedStyle(node).opacity) < 1) dimmed = true;
        const background = rgba(getComputedStyle(node).backgroundColor);
        if (background[3] > 0) layers.push(background);
        if (background[3] >= 1) break;
      }
      if (!overlay && !(layers.length > 0 && layers[layers.length - 1][3] >= 1)) layers.push(rgba(getComputedStyle(root).backgroundColor));
      if (dimmed) problems.push(`dimmed text: ${describe(element)}`);
      if (layers.length === 0) {
        problems.push(`text straight on the picture: ${describe(element)}`);
        continue;
      }
      const text = rgba(getComputedStyle(element).color);
      // The worst pictures behind a translucent panel: black and white.
      for (const picture of [[0, 0, 0], [255, 255, 255]] as [number, number, number][]) {
        const behind = layers.reduceRight<[number, number, number]>((below, layer) => over(layer, below), picture);
        const ratio = contrast(over(text, behind), behind);
        if (ratio < 4.5) {
          problems.push(`contrast ${ratio.toFixed(2)}:1 over ${picture[0] ? "white" : "black"}: ${describe(element)}`);
          break;
        }
      }
    }
    return { problems, texts, fitScales };
  }, options);
}

/** A bright, busy picture behind an overlay (documentation screenshots): the worst case for text. */
export async function putPictureBehind(page: Page): Promise<void> {
  const picture = `<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 1920 1080'>
    <defs><linearGradient id='sky' x1='0' y1='0' x2='0' y2='1'><stop offset='0' stop-color='#8fd3ff'/><stop offset='0.55' stop-color='#fdfcf5'/><stop offset='1' stop-color='#f6d365'/></linearGradient></defs>
    <rect width='1920' height='1080' fill='url(#sky)'/>
    <circle cx='1500' cy='260' r='170' fill='#fffbe6'/>
    <ellipse cx='420' cy='240' rx='300' ry='90' fill='#ffffff'/><ellipse cx='760' cy='330' rx='240' ry='70' fill='#ffffff'/>
    <path d='M0 760 Q 480 640 960 760 T 1920 740 V1080 H0 Z' fill='#5fbf4a'/>
    <path d='M0 880 Q 520 800 1040 900 T 1920 880 V1080 H0 Z' fill='#f2f2f2'/>
    <g fill='#d62828'><rect x='200' y='560' width='120' height='200'/><rect x='1650' y='600' width='90' height='160'/></g>
  </svg>`;
  await page.evaluate((svg) => {
    const layer = document.createElement("div");
    layer.setAttribute("aria-hidden", "true");
    layer.style.cssText = `position:fixed;inset:0;z-index:0;background:url("data:image/svg+xml;utf8,${encodeURIComponent(svg)}") center/cover`;
    document.body.prepend(layer);
  }, picture);
}
