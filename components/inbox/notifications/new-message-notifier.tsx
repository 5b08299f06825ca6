"use client";

/**
 * Opt-in alerts for customer messages: a bell toggle (remembered per browser), then a chime and a
 * browser notification for each inbound message the agent is not looking at. Mount it ONCE per
 * page (it listens to the whole workspace); clicking the notification opens the conversation.
 */
import { usePathname, useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { loadMessage } from "@/app/actions/inbox/reads";
import { useRealtimeEvent } from "@/components/realtime/realtime-provider";
import { TimelineIcon } from "@/components/inbox/timeline/icons";
import { playChime } from "./chime";
import { setNotificationsEnabled, useNotificationsEnabled } from "./preference";
import { openConversationFromPath, shouldNotify } from "./should-notify";

export function NewMessageNotifier({ slug }: { slug: string }) {
  const t = useTranslations("inboxComposer.notifications");
  const enabled = useNotificationsEnabled();
  const pathname = usePathname();
  const router = useRouter();

  useRealtimeEvent("message.created", (event) => {
    const notify = shouldNotify({
      enabled,
      direction: event.direction,
      conversationId: event.conversationId,
      openConversationId: openConversationFromPath(pathname),
      tabHidden: document.visibilityState === "hidden",
    });
    if (!notify) return;
    playChime();
    if (typeof Notification === "undefined" || Notification.permission !== "granted") return;
    const preview = event.message
      ? Promise.resolve(event.message.previewText)
      : loadMessage({ slug, messageId: event.messageId })
          .catch(() => undefined)
          .then((result) => result?.data?.previewText ?? null);
    void preview.then((previewText) => {
      const notification = new Notification(t("title"), {
        body: previewText ?? t("body"),
        tag: `conversation-${event.conversationId}`,
      });
      notification.onclick = () => {
        window.focus();
        router.push(`/w/${slug}/inbox/${encodeURIComponent(event.conversationId)}`);
        notification.close();
      };
    });
  });

  async function toggle() {
    if (enabled) return setNotificationsEnabled(false);
    setNotificationsEnabled(true);
    if (typeof Notification !== "undefined" && Notification.permission === "default") await Notification.requestPermission();
    playChime();
  }

  const label = enabled ? t("disable") : t("enable");
  return (
    <button
      type="button"
      onClick={() => void toggle()}
      aria-pressed={enabled}
      aria-label={label}
      title={label}
      className={`rounded-md p-2 hover:bg-zinc-100 dark:hover:bg-zinc-800 ${enabled ? "text-brand-700 dark:text-brand-100" : "text-zinc-500 dark:text-zinc-400"}`}
    >
      <TimelineIcon name={enabled ? "bell" : "bellOff"} className="size-5" />
    </button>
  );
}
