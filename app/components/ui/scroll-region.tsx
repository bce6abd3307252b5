// A box that scrolls sideways when its table is wider than the screen. A keyboard user must be able
// to reach it to scroll it (WCAG 2.1.1, axe "scrollable-region-focusable"): it takes the focus,
// shows it, and says what it holds when focused.

export function ScrollRegion({ label, className = "", children }: { label: string; className?: string; children: React.ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className={`overflow-x-auto focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 ${className}`}>
      {children}
    </div>
  );
}
