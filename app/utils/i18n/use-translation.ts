import { useRouteLoaderData } from "@remix-run/react";
import { defaultLanguage, type Language } from "./languages";
import { translator, type Translate } from "./index";

/** The language chosen for this request, as the root loader resolved it. */
export function useLanguage(): Language {
  const data = useRouteLoaderData<{ language: Language }>("root");
  return data?.language ?? defaultLanguage;
}

export function useT(): Translate {
  return translator(useLanguage());
}
