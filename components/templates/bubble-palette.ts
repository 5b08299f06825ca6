/**
 * The colours of a template preview. "light" and "dark" are WhatsApp's own chat themes (cream
 * wallpaper and white bubble; near-black wallpaper and slate bubble), whatever the app's theme;
 * "auto" follows the app's `dark` class; "inline" draws the parts inside one of the app's own
 * bubbles (the timeline), in its colours. Class names are literal so Tailwind finds them.
 */
export type BubbleTheme = "light" | "dark" | "auto";

export interface BubblePalette {
  /** The chat wallpaper around the bubble. */
  backdrop: string;
  /** The bubble's background (also the buttons' rows and the cards under it). */
  surface: string;
  /** The bubble's text. */
  text: string;
  /** Footer, file names, placeholders' labels. */
  muted: string;
  /** Buttons' labels. */
  action: string;
  /** Lines between a card's parts and between inline buttons. */
  divider: string;
  /** A media header without a picture. */
  placeholder: string;
}

export const PALETTES: Record<BubbleTheme | "inline", BubblePalette> = {
  light: {
    backdrop: "bg-[#efeae2]",
    surface: "bg-white",
    text: "text-[#111b21]",
    muted: "text-[#667781]",
    action: "text-[#027eb5]",
    divider: "border-black/10",
    placeholder: "bg-[#f0f2f5] text-[#667781]",
  },
  dark: {
    backdrop: "bg-[#0b141a]",
    surface: "bg-[#202c33]",
    text: "text-[#e9edef]",
    muted: "text-[#8696a0]",
    action: "text-[#53bdeb]",
    divider: "border-white/10",
    placeholder: "bg-[#2a3942] text-[#8696a0]",
  },
  auto: {
    backdrop: "bg-[#efeae2] dark:bg-[#0b141a]",
    surface: "bg-white dark:bg-[#202c33]",
    text: "text-[#111b21] dark:text-[#e9edef]",
    muted: "text-[#667781] dark:text-[#8696a0]",
    action: "text-[#027eb5] dark:text-[#53bdeb]",
    divider: "border-black/10 dark:border-white/10",
    placeholder: "bg-[#f0f2f5] text-[#667781] dark:bg-[#2a3942] dark:text-[#8696a0]",
  },
  inline: {
    backdrop: "",
    surface: "bg-white/60 dark:bg-black/20",
    text: "",
    muted: "text-zinc-500 dark:text-zinc-400",
    action: "text-sky-700 dark:text-sky-300",
    divider: "border-black/10 dark:border-white/10",
    placeholder: "bg-black/5 text-zinc-500 dark:bg-white/10 dark:text-zinc-400",
  },
};
