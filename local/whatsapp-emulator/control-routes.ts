/**
 * The emulator's own endpoints under /_emulator (no auth; local use): the page, sending as a
 * customer, faults, what the business sent, templates, media, windows, forced statuses, reset.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { z } from "zod";
import {
  faultsSchema,
  reviewPolicySchema,
  statusSchema,
  templateCategorySchema,
  templateQualitySchema,
  numberQualitySchema,
  templateStatusSchema,
  windowSchema,
} from "./control-schemas";
import type { Emulator } from "./emulator";
import { graphError, statusError } from "./graph-errors";
import { isObject, parseBody, readBody, sendHtml, sendJson } from "./http";
import { normalizeWaId } from "./ids";
import { renderPage } from "./page";
import { billingFor } from "./pricing";
import type { TemplateRecord } from "./types";

export async function routeControl(emulator: Emulator, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const method = (req.method ?? "GET").toUpperCase();
  const path = url.pathname.replace(/\/+$/, "") || "/_emulator";
  const body = method === "POST" ? parseBody(req, await readBody(req, 50 * 1024 * 1024)) : undefined;
  const route = `${method} ${path}`;

  switch (route) {
    case "GET /_emulator":
      return sendHtml(res, 200, renderPage());
    case "GET /_emulator/state":
      return sendJson(res, 200, {
        url: emulator.baseUrl,
        webhookUrl: emulator.webhooks.url ?? null,
        phoneNumbers: emulator.phones.all(),
        faults: emulator.faults.get(),
        statuses: emulator.statusOptions,
      });
    case "POST /_emulator/customer-messages": {
      const batch = Array.isArray(body) ? body : isObject(body) && Array.isArray(body.messages) ? body.messages : undefined;
      const inputs = batch ?? [body];
      const result = await emulator.sendAsCustomer(inputs as Parameters<Emulator["sendAsCustomer"]>[0]);
      const messages = result.messages.map((message) => ({ wamid: message.wamid, type: message.type, message: message.message }));
      return sendJson(
        res,
        200,
        batch
          ? { wamids: messages.map((m) => m.wamid), messages, delivered: result.delivered ?? null }
          : { wamid: messages[0]!.wamid, message: messages[0]!.message, delivered: result.delivered ?? null },
      );
    }
    case "GET /_emulator/faults":
      return sendJson(res, 200, emulator.faults.get());
    case "POST /_emulator/faults":
      emulator.faults.set(parse(faultsSchema, body));
      return sendJson(res, 200, emulator.faults.get());
    case "GET /_emulator/sent": {
      const phoneNumberId = url.searchParams.get("phone_number_id") ?? undefined;
      const waId = url.searchParams.get("wa_id") ?? url.searchParams.get("to") ?? undefined;
      const limit = Number(url.searchParams.get("limit") ?? 100);
      const data = emulator.sent
        .all({ phoneNumberId, waId: waId ? normalizeWaId(waId) : undefined })
        .slice(-Math.max(1, limit))
        .reverse();
      return sendJson(res, 200, { data });
    }
    case "GET /_emulator/inbound": {
      const limit = Number(url.searchParams.get("limit") ?? 100);
      return sendJson(res, 200, { data: emulator.inbound.slice(-Math.max(1, limit)).reverse() });
    }
    case "GET /_emulator/read-receipts":
      return sendJson(res, 200, { data: emulator.sent.readReceipts() });
    case "GET /_emulator/templates":
      return sendJson(res, 200, { data: emulator.templates.all() });
    case "POST /_emulator/templates/status": {
      const input = parse(templateStatusSchema, body);
      const template = selectTemplate(emulator, input);
      await emulator.setTemplateStatus(template, input.status, input.reason);
      return sendJson(res, 200, template);
    }
    case "POST /_emulator/templates/quality": {
      const input = parse(templateQualitySchema, body);
      const template = selectTemplate(emulator, input);
      await emulator.setTemplateQuality(template, input.score);
      return sendJson(res, 200, template);
    }
    case "POST /_emulator/phone-numbers/quality": {
      const input = parse(numberQualitySchema, body);
      const number = emulator.phone(input.phone_number_id);
      await emulator.setNumberQuality(number, input.quality);
      return sendJson(res, 200, { phone_number_id: number.phoneNumberId, quality_rating: number.qualityRating });
    }
    case "POST /_emulator/templates/category": {
      const input = parse(templateCategorySchema, body);
      const template = selectTemplate(emulator, input);
      await emulator.changeTemplateCategory(template, input.category);
      return sendJson(res, 200, template);
    }
    case "GET /_emulator/templates/review":
      return sendJson(res, 200, emulator.reviewPolicy);
    case "POST /_emulator/templates/review":
      emulator.reviewPolicy = parse(reviewPolicySchema, body);
      return sendJson(res, 200, emulator.reviewPolicy);
    case "GET /_emulator/templates/samples":
      return sendJson(res, 200, { data: emulator.samples.all() });
    case "GET /_emulator/media":
      return sendJson(res, 200, { data: emulator.media.all() });
    case "POST /_emulator/media/expire-urls":
      emulator.media.expireUrls();
      return sendJson(res, 200, { success: true });
    case "GET /_emulator/webhooks":
      return sendJson(res, 200, { data: emulator.webhooks.log().map(({ body: _body, ...delivery }) => delivery) });
    case "POST /_emulator/windows": {
      const input = parse(windowSchema, body);
      emulator.windows.recordInbound(
        emulator.phone(input.phoneNumberId).phoneNumberId,
        normalizeWaId(input.waId),
        input.at ?? emulator.now(),
        input.referral ?? false,
      );
      return sendJson(res, 200, { success: true });
    }
    case "POST /_emulator/statuses": {
      const input = parse(statusSchema, body);
      await forceStatus(emulator, input);
      return sendJson(res, 200, { success: true });
    }
    case "POST /_emulator/reset":
      emulator.reset();
      return sendJson(res, 200, { success: true });
    default:
      throw graphError(404, { message: `Unknown emulator endpoint: ${route}`, code: 100 });
  }
}

function selectTemplate(emulator: Emulator, input: { id?: string; name?: string; language?: string; wabaId?: string }): TemplateRecord {
  const template = input.id
    ? emulator.templates.byId(input.id)
    : emulator.templates.find(input.wabaId ?? emulator.phones.first().wabaId, input.name ?? "", input.language ?? "");
  if (!template) throw graphError(404, { message: "No such template", code: 100 });
  return template;
}

/** Sends a status webhook of the caller's choosing for a sent message (e.g. failed 131049 / 131050). */
export async function forceStatus(emulator: Emulator, input: z.infer<typeof statusSchema>): Promise<void> {
  const record = emulator.sent.get(input.wamid);
  if (!record) throw graphError(404, { message: `No sent message ${input.wamid}`, code: 100 });
  const phone = emulator.phone(record.phoneNumberId);
  if (input.status === "failed") {
    const error = input.error ?? { code: 131026, title: "Message undeliverable" };
    await emulator.statuses.emit(phone, record, "failed", { errors: [statusError(error.code, error.title, error.details ?? error.title)] });
    return;
  }
  const sentTemplate = isObject(record.request.template) ? record.request.template : undefined;
  const language = sentTemplate && isObject(sentTemplate.language) ? String(sentTemplate.language.code) : "";
  const template = sentTemplate ? emulator.templates.find(phone.wabaId, String(sentTemplate.name), language) : undefined;
  const billing =
    input.status === "read"
      ? undefined
      : billingFor({
          phoneNumberId: phone.phoneNumberId,
          waId: record.waId,
          template,
          graphVersion: record.graphVersion,
          now: emulator.now(),
          windows: emulator.windows,
          conversations: emulator.conversations,
          mode: emulator.statusOptions.conversation,
        });
  await emulator.statuses.emit(phone, record, input.status, { billing, expiration: input.status === "sent" });
}

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw graphError(400, { message: `${issue.path.join(".") || "body"}: ${issue.message}`, code: 100 });
}
