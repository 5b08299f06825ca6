/** Stroke icons of a template preview: the buttons' kinds (as WhatsApp marks them) and media placeholders. */
const paths = {
  reply: "M9 14 4 9l5-5M4 9h10a6 6 0 0 1 6 6v5",
  external: "M14 4h6v6M20 4l-9 9M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5",
  phone: "M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 6a2 2 0 0 1 2-2Z",
  copy: "M9 9h11v11H9zM5 15H4V4h11v1",
  list: "M8 6h12M8 12h12M8 18h12M4 6h.01M4 12h.01M4 18h.01",
  image: "M4 5h16v14H4zM4 15l4-4 5 5M14 14l2-2 4 4M15 9h.01",
  video: "M4 6h11v12H4zM15 10l5-3v10l-5-3",
  document: "M14 3H6v18h12V7l-4-4Zm0 0v4h4M9 13h6M9 17h6",
  location: "M12 21s-7-6.2-7-11.5a7 7 0 0 1 14 0C19 14.8 12 21 12 21Zm0-9a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5Z",
} as const;

export type TemplateIconName = keyof typeof paths;

export function TemplateIcon({ name, className = "size-4" }: { name: TemplateIconName; className?: string }) {
  return (
    <svg viewBox="0 0 24 24" className={className} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" aria-hidden>
      <path d={paths[name]} />
    </svg>
  );
}
