/**
 * Graph API routing: /{version}/{id}[/{edge}] with any vNN.N version. Order, as Meta: the token
 * (401 / 190), then the object (100 / subcode 33 when unknown), then injected faults, then the call.
 */
import type { IncomingMessage } from "node:http";
import { requestToken, requireKnownToken, requirePhoneToken, requireWabaToken } from "./auth";
import type { Emulator } from "./emulator";
import { errors } from "./graph-errors";
import { parseBody, readBody } from "./http";
import { deleteMedia, mediaNode, requireMediaToken, uploadMedia } from "./media-routes";
import { sendMessage } from "./messages-route";
import { parseFields, phoneNumberNode, unknownPhoneNumberField, wabaNode } from "./phone-numbers";
import { createTemplate, deleteTemplate, editTemplate, getTemplate, listTemplates } from "./template-routes";
import { createUploadSession, isUploadSessionId, uploadSessionRequest } from "./upload-routes";

export const GRAPH_PATH = /^\/(v\d+\.\d+)\/([^/]+)(?:\/([^/]+))?\/?$/;

export interface GraphAnswer {
  status: number;
  body: unknown;
}

export async function routeGraph(emulator: Emulator, req: IncomingMessage, url: URL, match: RegExpExecArray): Promise<GraphAnswer> {
  const [, version, id, edge] = match as unknown as [string, string, string, string | undefined];
  const method = (req.method ?? "GET").toUpperCase();
  await emulator.faults.slow();
  // Read the body first, as a server does, so a rejected request never leaves it unread.
  const raw = method === "GET" || method === "HEAD" ? Buffer.alloc(0) : await readBody(req);
  const token = requireKnownToken(emulator.phones, requestToken(req, url));
  const phone = emulator.phones.get(id);
  const isWaba = emulator.phones.isWaba(id);
  const media = emulator.media.get(id);
  const template = phone || isWaba || media ? undefined : emulator.templates.byId(id);
  const uploadSession = isUploadSessionId(id);
  // Any numeric id that is no other object is taken for the app's id (the emulator has no app node).
  const appUploads = !phone && !isWaba && !media && !template && edge === "uploads" && /^\d+$/.test(id);

  if (phone) requirePhoneToken(phone, token, method);
  else if (isWaba) requireWabaToken(emulator.phones, id, token, method);
  else if (media) requireMediaToken(emulator, media, token);
  else if (template) requireWabaToken(emulator.phones, template.wabaId, token, method);
  else if (!uploadSession && !appUploads) throw errors.unsupportedRequest(method, id);

  emulator.faults.maybeFail();

  if (appUploads && method === "POST") return ok(createUploadSession(emulator, id, url));
  if (uploadSession && edge === undefined) return ok(uploadSessionRequest(emulator, req, url, id, method, raw));
  if (template && edge === undefined && method === "GET") return ok(getTemplate(template, url));
  if (template && edge === undefined && method === "POST") return ok(editTemplate(emulator, template, parseBody(req, raw)));

  if (phone && edge === "messages" && method === "POST") return ok(sendMessage(emulator, phone, version, parseBody(req, raw)));
  if (phone && edge === "media" && method === "POST") return ok(await uploadMedia(emulator, phone, req, raw));
  if (phone && edge === "register" && method === "POST") return ok({ success: true });
  if (phone && edge === undefined && method === "GET") {
    const fields = parseFields(url.searchParams.get("fields"));
    const unknown = fields && unknownPhoneNumberField(fields);
    if (unknown) throw errors.nonexistingField(unknown, "WhatsAppBusinessPhoneNumber");
    return ok(phoneNumberNode(phone, fields, emulator.webhooks.url));
  }

  if (isWaba && edge === "message_templates") {
    if (method === "GET") return ok(listTemplates(emulator, id, url));
    if (method === "POST") return ok(createTemplate(emulator, id, parseBody(req, raw)));
    if (method === "DELETE") return ok(deleteTemplate(emulator, id, url));
  }
  if (isWaba && edge === "phone_numbers" && method === "GET") {
    const data = emulator.phones
      .ofWaba(id)
      .map((number) => phoneNumberNode(number, parseFields(url.searchParams.get("fields")), emulator.webhooks.url));
    return ok({ data, paging: { cursors: { before: "QVFIUkFB", after: "QVFIUkFB" } } });
  }
  if (isWaba && edge === "subscribed_apps") {
    if (method === "POST") emulator.subscribedWabas.add(id);
    if (method === "DELETE") emulator.subscribedWabas.delete(id);
    if (method === "POST" || method === "DELETE") return ok({ success: true });
    if (method === "GET") {
      const app = { whatsapp_business_api_data: { id: "emulator-app", name: "Parley (emulator)" } };
      return ok({ data: emulator.subscribedWabas.has(id) ? [app] : [] });
    }
  }
  if (isWaba && edge === undefined && method === "GET") {
    return ok(
      wabaNode(id, emulator.phones.ofWaba(id)[0]?.verifiedName ?? "WhatsApp Business Account", parseFields(url.searchParams.get("fields"))),
    );
  }

  if (media && edge === undefined && method === "GET") return ok(mediaNode(emulator, media));
  if (media && edge === undefined && method === "DELETE") return ok(deleteMedia(emulator, media));

  if (edge !== undefined && method === "GET")
    throw errors.nonexistingField(
      edge,
      phone
        ? "WhatsAppBusinessPhoneNumber"
        : isWaba
          ? "WhatsAppBusinessAccount"
          : template
            ? "WhatsAppMessageTemplate"
            : "WhatsAppBusinessMedia",
    );
  throw errors.unsupportedRequest(method, id);
}

function ok(body: unknown): GraphAnswer {
  return { status: 200, body };
}
