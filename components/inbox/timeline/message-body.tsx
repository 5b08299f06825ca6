"use client";

import { useTranslations } from "next-intl";
import { TemplateInline } from "@/components/templates/template-inline";
import { readRenderedTemplate } from "@/lib/templates/rendered-schema";
import { list, payload, record, text } from "./content";
import { MediaView } from "./media-view";
import { ChosenReply, ContactCards, LocationCard, OrderSummary, StructuredMessage } from "./rich-content";
import type { ViewMessage } from "./types";
import { WhatsAppText } from "./whatsapp-text";

const MEDIA_TYPES = new Set(["image", "video", "audio", "document", "sticker"]);

/** Buttons of an interactive message we sent: reply buttons' titles, or the list's button label. */
function interactiveButtons(action: Record<string, unknown>): string[] {
  const replies = list(action.buttons).flatMap((b) => {
    const title = text(record(record(b).reply).title);
    return title ? [title] : [];
  });
  if (replies.length > 0) return replies;
  const listButton = text(action.button);
  return listButton ? [listButton] : [];
}

/**
 * A template as sent: the parts stored beside Meta's request (`rendered`, sends since the one
 * renderer), else — messages sent before — the name and the filled body preview.
 */
function templateParts(message: ViewMessage) {
  const template = record(message.content.template);
  return {
    name: text(template.name) ?? text(message.content.name) ?? "",
    rendered: readRenderedTemplate(message.content.rendered ?? template.rendered),
    // The stored preview starts with a mark for conversation lists ("📋 "); the bubble says "Template" itself.
    body: message.previewText?.replace(/^📋\s*/u, "") ?? null,
  };
}

/** What is inside a bubble, by message type. */
export function MessageBody({ message, onRetryDownload }: { message: ViewMessage; onRetryDownload: (mediaId: string) => Promise<void> }) {
  const t = useTranslations("inboxTimeline");
  const data = payload(message.content, message.type);

  if (MEDIA_TYPES.has(message.type)) {
    const caption = text(data.caption);
    return (
      <div className="space-y-1">
        {message.media ? (
          <MediaView kind={message.type} media={message.media} onRetryDownload={onRetryDownload} />
        ) : (
          <p className="text-sm text-zinc-500 italic dark:text-zinc-400">{t("media.missing")}</p>
        )}
        {caption && <WhatsAppText text={caption} className="text-sm" />}
      </div>
    );
  }

  switch (message.type) {
    case "text":
      return <WhatsAppText text={text(data.body) ?? message.previewText ?? ""} className="text-sm" />;
    case "location":
      return <LocationCard data={data} />;
    case "contacts":
      return <ContactCards contacts={list(message.content.contacts)} />;
    case "interactive": {
      const reply = record(data.button_reply ?? data.list_reply);
      const title = text(reply.title);
      if (title) return <ChosenReply title={title} description={text(reply.description)} />;
      const flow = record(data.nfm_reply);
      if (text(flow.body) || text(flow.name)) return <ChosenReply title={text(flow.body) ?? text(flow.name)!} />;
      // An interactive message we sent (reply buttons or a list).
      return (
        <StructuredMessage
          label={t("interactive")}
          header={text(record(data.header).text)}
          body={text(record(data.body).text) ?? message.previewText}
          footer={text(record(data.footer).text)}
          buttons={interactiveButtons(record(data.action))}
        />
      );
    }
    case "button":
      return <ChosenReply title={text(data.text) ?? text(data.payload) ?? "—"} />;
    case "template": {
      const parts = templateParts(message);
      const label = t("template", { name: parts.name });
      if (parts.rendered) return <TemplateInline rendered={parts.rendered} label={label} />;
      return <StructuredMessage label={label} body={parts.body} buttons={[]} />;
    }
    case "order":
      return <OrderSummary data={data} />;
    case "system":
      return <p className="text-sm italic">{text(data.body) ?? message.previewText ?? t("systemFallback")}</p>;
    default:
      return (
        <p className="text-sm text-zinc-500 italic dark:text-zinc-400">
          {t("unsupported", { type: text(message.content.type) ?? message.type })}
        </p>
      );
  }
}
