import { useTranslations } from "next-intl";
import { list, mapUrl, num, record, text, type Json } from "./content";
import { TimelineIcon } from "./icons";
import { WhatsAppText } from "./whatsapp-text";

export function LocationCard({ data }: { data: Json }) {
  const tLocation = useTranslations("inboxTimeline.location");
  const latitude = num(data.latitude);
  const longitude = num(data.longitude);
  const name = text(data.name);
  const address = text(data.address);
  return (
    <div className="flex items-start gap-2">
      <TimelineIcon name="pin" className="mt-0.5 size-5 shrink-0 text-red-500" />
      <div className="min-w-0 text-sm">
        <p className="font-medium">{name ?? tLocation("shared")}</p>
        {address && <p className="text-zinc-600 dark:text-zinc-300">{address}</p>}
        {latitude !== null && longitude !== null && (
          <a href={mapUrl(latitude, longitude)} target="_blank" rel="noopener noreferrer" className="text-sky-700 underline dark:text-sky-300">
            {tLocation("openMap")}
          </a>
        )}
      </div>
    </div>
  );
}

export function ContactCards({ contacts }: { contacts: unknown[] }) {
  const tContacts = useTranslations("inboxTimeline.contacts");
  return (
    <ul className="space-y-2">
      {contacts.map((raw, i) => {
        const contact = record(raw);
        const name = text(record(contact.name).formatted_name) ?? tContacts("unnamed");
        const phones = list(contact.phones).flatMap((p) => (text(record(p).phone) ? [text(record(p).phone)!] : []));
        const emails = list(contact.emails).flatMap((e) => (text(record(e).email) ? [text(record(e).email)!] : []));
        const company = text(record(contact.org).company);
        return (
          <li key={i} className="flex items-start gap-2 rounded-md bg-black/5 p-2 dark:bg-white/5">
            <TimelineIcon name="user" className="mt-0.5 size-5 shrink-0 text-zinc-500" />
            <div className="min-w-0 text-sm">
              <p className="font-medium">{name}</p>
              {company && <p className="text-xs text-zinc-500 dark:text-zinc-400">{company}</p>}
              {phones.map((phone) => (
                <a key={phone} href={`tel:${phone.replace(/[^\d+]/g, "")}`} className="block text-sky-700 dark:text-sky-300">
                  {phone}
                </a>
              ))}
              {emails.map((email) => (
                <a key={email} href={`mailto:${email}`} className="block break-all text-sky-700 dark:text-sky-300">
                  {email}
                </a>
              ))}
            </div>
          </li>
        );
      })}
    </ul>
  );
}

/** A reply the customer chose: a button or list row's title (Meta sends the title, not just the id). */
export function ChosenReply({ title, description }: { title: string; description?: string | null }) {
  const t = useTranslations("inboxTimeline");
  return (
    <div className="text-sm">
      <p className="text-xs text-zinc-500 dark:text-zinc-400">{t("chose")}</p>
      <p className="font-medium">{title}</p>
      {description && <p className="text-xs text-zinc-500 dark:text-zinc-400">{description}</p>}
    </div>
  );
}

/** The parts of a structured message (a template, or an interactive message we sent), each optional. */
export function StructuredMessage({ label, header, body, footer, buttons }: { label: string; header?: string | null; body?: string | null; footer?: string | null; buttons: string[] }) {
  return (
    <div className="space-y-1">
      <p className="flex items-center gap-1 text-xs text-zinc-500 dark:text-zinc-400">
        <TimelineIcon name="template" className="size-3.5" />
        {label}
      </p>
      {header && <p className="font-semibold">{header}</p>}
      {body && <WhatsAppText text={body} className="text-sm" />}
      {footer && <p className="text-xs text-zinc-500 dark:text-zinc-400">{footer}</p>}
      {buttons.length > 0 && (
        <ul className="mt-1 divide-y divide-black/10 border-t border-black/10 dark:divide-white/10 dark:border-white/10">
          {buttons.map((button, i) => (
            <li key={i} className="py-1 text-center text-sm font-medium text-sky-700 dark:text-sky-300">
              {button}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function OrderSummary({ data }: { data: Json }) {
  const tOrder = useTranslations("inboxTimeline.order");
  const items = list(data.product_items).map(record);
  const note = text(data.text);
  return (
    <div className="space-y-1 text-sm">
      <p className="flex items-center gap-1 font-medium">
        <TimelineIcon name="cart" className="size-4" />
        {tOrder("title", { count: items.length })}
      </p>
      <ul className="text-xs text-zinc-600 dark:text-zinc-300">
        {items.map((item, i) => (
          <li key={i}>
            {tOrder("item", {
              product: text(item.product_retailer_id) ?? "—",
              quantity: num(item.quantity) ?? 1,
              price: num(item.item_price) ?? 0,
              currency: text(item.currency) ?? "",
            })}
          </li>
        ))}
      </ul>
      {note && <WhatsAppText text={note} />}
    </div>
  );
}
