import { useFetcher } from "@remix-run/react";
import { DEFAULT_KEY_COLOUR, OVERLAY_LAYOUTS, type GraphicsSettings } from "~/broadcast/graphics-settings";
import type { FieldErrors } from "~/utils/forms";
import { useT } from "~/utils/i18n/use-translation";

export type GraphicsActionData = { intent: "graphics"; saved: boolean; errors: FieldErrors };

/**
 * The game's on-air look, on the console: the overlay's layout, transparent or a key colour, and
 * the display's sound cues. Below it, one link per output, so a director can give each input of
 * the vision mixer the layout it needs.
 */
export function GraphicsSettingsForm({ settings, displayUrl }: { settings: GraphicsSettings; displayUrl: string }) {
  const t = useT();
  const fetcher = useFetcher<GraphicsActionData>();
  const result = fetcher.data?.intent === "graphics" ? fetcher.data : null;
  const error = (field: string) => (result?.errors[field] ? <p className="text-sm text-red-700">{t(result.errors[field]!)}</p> : null);
  return (
    <section aria-labelledby="graphics-title" className="flex flex-col gap-3 rounded border border-slate-300 bg-white p-4">
      <h2 id="graphics-title" className="text-lg font-semibold">
        {t("broadcast.settings.title")}
      </h2>
      <p className="text-sm text-slate-600">{t("broadcast.settings.intro")}</p>
      <fetcher.Form method="post" className="flex flex-col gap-3">
        <input type="hidden" name="intent" value="graphics" />
        <fieldset className="flex flex-wrap gap-4">
          <legend className="mb-1 text-sm font-medium">{t("broadcast.settings.layout")}</legend>
          {OVERLAY_LAYOUTS.map((layout) => (
            <label key={layout} className="flex items-center gap-2">
              <input type="radio" name="layout" value={layout} defaultChecked={settings.layout === layout} />
              {t(`broadcast.layout.${layout}`)}
            </label>
          ))}
        </fieldset>
        {error("layout")}
        <fieldset className="flex flex-col gap-1">
          <legend className="mb-1 text-sm font-medium">{t("broadcast.settings.background")}</legend>
          <label className="flex items-center gap-2">
            <input type="radio" name="background" value="transparent" defaultChecked={settings.keyColour === null} />
            {t("broadcast.settings.background.transparent")}
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="background" value="key" defaultChecked={settings.keyColour !== null} />
            {t("broadcast.settings.background.key")}
          </label>
          <label className="ml-6 flex items-center gap-2 text-sm">
            {t("broadcast.settings.keyColour")}
            <input type="color" name="keyColour" defaultValue={settings.keyColour ?? DEFAULT_KEY_COLOUR} className="h-8 w-14" />
          </label>
        </fieldset>
        {error("background")}
        {error("keyColour")}
        <label className="flex items-center gap-2">
          <input type="checkbox" name="soundCues" value="on" defaultChecked={settings.soundCues} />
          {t("broadcast.settings.soundCues")}
        </label>
        <div className="flex items-center gap-3">
          <button type="submit" disabled={fetcher.state !== "idle"} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
            {t("broadcast.settings.save")}
          </button>
          {result?.saved && fetcher.state === "idle" ? (
            <span role="status" className="text-sm text-green-800">
              {t("broadcast.settings.saved")}
            </span>
          ) : null}
        </div>
      </fetcher.Form>
      <div className="flex flex-col gap-1 text-sm">
        <span className="font-medium">{t("broadcast.settings.links")}</span>
        <ul className="flex flex-wrap gap-x-4 gap-y-1">
          {OVERLAY_LAYOUTS.map((layout) => (
            <li key={layout}>
              <a className="text-brand-700 underline" href={`${displayUrl}&overlay=1&layout=${layout}`} target="_blank" rel="noreferrer">
                {t("broadcast.settings.linkFor", { layout: t(`broadcast.layout.${layout}`) })}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
