import { useLayoutEffect as useReactLayoutEffect, useEffect, useRef } from "react";

// No layout on the server: the box renders at full size there and fits once hydrated.
const useLayoutEffect = typeof document === "undefined" ? useEffect : useReactLayoutEffect;

const STEPS = 8;

/**
 * A box whose text shrinks until it fits: a long question gets smaller, never clipped. Everything
 * inside is sized in `em`, so one font size scales it all; the largest that fits is found by
 * bisection between `minScale` and 1, again whenever `fitKey` or the box's size changes.
 */
export function FitBox({
  fitKey,
  minScale = 0.4,
  className = "",
  children,
}: {
  fitKey: string;
  minScale?: number;
  className?: string;
  children: React.ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const box = ref.current;
    if (!box) return;
    const fit = () => {
      const apply = (scale: number) => {
        box.style.fontSize = `${scale}em`;
        box.dataset.fitScale = scale.toFixed(3);
      };
      apply(1);
      if (!overflows(box)) return;
      let fits = minScale;
      let tooBig = 1;
      for (let step = 0; step < STEPS; step += 1) {
        const middle = (fits + tooBig) / 2;
        apply(middle);
        if (overflows(box)) tooBig = middle;
        else fits = middle;
      }
      apply(fits);
    };
    fit();
    // The box's own size (a window or browser source resized, fonts loaded) changes what fits.
    let width = box.clientWidth;
    let height = box.parentElement?.clientHeight ?? 0;
    const observer = new ResizeObserver(() => {
      const nextWidth = box.clientWidth;
      const nextHeight = box.parentElement?.clientHeight ?? 0;
      if (nextWidth === width && nextHeight === height) return;
      width = nextWidth;
      height = nextHeight;
      fit();
    });
    observer.observe(box);
    if (box.parentElement) observer.observe(box.parentElement);
    return () => observer.disconnect();
  }, [fitKey, minScale]);
  return (
    <div ref={ref} data-fit-box className={`min-h-0 overflow-hidden ${className}`}>
      {children}
    </div>
  );
}

function overflows(box: HTMLElement): boolean {
  return box.scrollHeight > box.clientHeight + 1 || box.scrollWidth > box.clientWidth + 1;
}
