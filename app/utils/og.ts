import type { MetaDescriptor } from "@remix-run/node";

// Open Graph tags: a join link or round link pasted into Zalo or Facebook previews with a title,
// a line of text and the app's image. Crawlers need absolute URLs, hence the origin.

type RootMatch = { id: string; data: unknown };

/** The site's origin as the root loader saw it. */
export function originFrom(matches: readonly RootMatch[]): string {
  const root = matches.find((match) => match.id === "root")?.data as { origin?: string } | undefined;
  return root?.origin ?? "";
}

export function openGraph({ title, description, origin, path }: { title: string; description: string; origin: string; path: string }): MetaDescriptor[] {
  return [
    { title },
    { name: "description", content: description },
    { property: "og:type", content: "website" },
    { property: "og:site_name", content: "Sân chơi ASEAN" },
    { property: "og:locale", content: "vi_VN" },
    { property: "og:title", content: title },
    { property: "og:description", content: description },
    { property: "og:url", content: `${origin}${path}` },
    { property: "og:image", content: `${origin}/og-image.png` },
    { property: "og:image:width", content: "512" },
    { property: "og:image:height", content: "512" },
    { name: "twitter:card", content: "summary" },
  ];
}
