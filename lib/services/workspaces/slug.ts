/** URL slugs from workspace names: "Toko Budi & Sons" → "toko-budi-sons". */
export const RESERVED_SLUGS = new Set(["new", "api", "settings", "admin", "app", "login", "signup", "w"]);

export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/g, "");
  return slug.length >= 2 && !RESERVED_SLUGS.has(slug) ? slug : `workspace${slug ? `-${slug}` : ""}`;
}
