/**
 * GET /_emulator: a small page to act as a customer (send any inbound message type) and watch what
 * the business sends and its statuses. Server-rendered HTML with a little inline JS; no build step.
 */
import { CUSTOMER_MESSAGE_TYPES } from "./customer-schema";

/** Which form fields each message type uses. */
const FIELDS_BY_TYPE: Record<string, string[]> = {
  text: ["text"],
  referral_text: ["text"],
  image: ["caption"],
  video: ["caption"],
  audio: [],
  voice: [],
  document: ["caption", "filename"],
  sticker: [],
  location: ["latitude", "longitude", "locationName", "address"],
  contacts: [],
  interactive_button_reply: ["buttonId", "buttonTitle"],
  interactive_list_reply: ["listRowId", "listRowTitle", "listRowDescription"],
  button: ["text", "payload"],
  reaction: ["emoji", "messageId"],
  order: ["text"],
  system: ["newWaId"],
  unsupported: [],
};

const FIELD_LABELS: Record<string, string> = {
  text: "Text",
  caption: "Caption",
  filename: "File name",
  latitude: "Latitude",
  longitude: "Longitude",
  locationName: "Place name",
  address: "Address",
  buttonId: "Button id",
  buttonTitle: "Button title",
  listRowId: "Row id",
  listRowTitle: "Row title",
  listRowDescription: "Row description",
  payload: "Payload",
  emoji: "Emoji (empty removes)",
  messageId: "Reacted message (wamid; default: last sent)",
  newWaId: "New wa_id",
};

const STYLE = `
  :root { color-scheme: light dark; --green: #25d366; --border: #8884; --muted: #888; }
  * { box-sizing: border-box; }
  body { font: 14px/1.45 system-ui, sans-serif; margin: 0; padding: 24px; max-width: 1180px; margin-inline: auto; }
  h1 { font-size: 20px; margin: 0 0 4px; } h1 span { color: var(--green); }
  h2 { font-size: 15px; margin: 0 0 12px; }
  .meta { color: var(--muted); margin-bottom: 20px; font-size: 13px; }
  .grid { display: grid; grid-template-columns: 360px 1fr; gap: 20px; align-items: start; }
  section { border: 1px solid var(--border); border-radius: 10px; padding: 16px; }
  label { display: block; font-size: 12px; color: var(--muted); margin: 10px 0 3px; }
  input, select, textarea { width: 100%; font: inherit; padding: 6px 8px; border: 1px solid var(--border); border-radius: 6px; background: transparent; color: inherit; }
  textarea { min-height: 70px; resize: vertical; }
  button { margin-top: 14px; font: inherit; font-weight: 600; padding: 8px 14px; border: 0; border-radius: 6px; background: var(--green); color: #053; cursor: pointer; }
  button.link { background: none; color: inherit; padding: 0; margin: 0; font-weight: 400; text-decoration: underline; }
  .result { margin-top: 10px; font-size: 12px; color: var(--muted); word-break: break-all; }
  table { width: 100%; border-collapse: collapse; font-size: 13px; }
  th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--border); vertical-align: top; }
  th { font-size: 12px; color: var(--muted); font-weight: 500; }
  .status { display: inline-block; padding: 1px 7px; border-radius: 9px; font-size: 12px; background: #8882; }
  .status.read { background: #34b7f133; } .status.delivered { background: #25d36633; } .status.failed { background: #e5393533; }
  .muted { color: var(--muted); } .mono { font-family: ui-monospace, monospace; font-size: 12px; }
  .stack > section + section { margin-top: 20px; }
`;

const SCRIPT = `
const FIELDS_BY_TYPE = ${JSON.stringify(FIELDS_BY_TYPE)};
const $ = (id) => document.getElementById(id);
function showFields() {
  const wanted = FIELDS_BY_TYPE[$("type").value] || [];
  document.querySelectorAll("[data-field]").forEach((el) => { el.hidden = !wanted.includes(el.dataset.field); });
}
function el(tag, text, className) { const node = document.createElement(tag); if (text !== undefined) node.textContent = text; if (className) node.className = className; return node; }
function summary(request) {
  const type = request.type || "text"; const body = request[type] || {};
  if (type === "text") return body.body;
  if (type === "template") return "template " + body.name + " (" + (body.language && body.language.code) + ")";
  if (type === "interactive") return "interactive " + body.type + ": " + ((body.body && body.body.text) || "");
  if (type === "reaction") return "reaction " + body.emoji;
  return type + (body.caption ? ": " + body.caption : body.link ? ": " + body.link : body.id ? " #" + body.id : "");
}
async function loadState() {
  const state = await (await fetch("/_emulator/state")).json();
  $("phone").replaceChildren(...state.phoneNumbers.map((p) => { const o = el("option", p.verifiedName + " · " + p.displayPhoneNumber + " (" + p.phoneNumberId + ")"); o.value = p.phoneNumberId; return o; }));
  $("webhook").textContent = state.webhookUrl || "not set: webhooks are not sent";
}
async function refresh() {
  try {
    const sent = await (await fetch("/_emulator/sent?limit=50")).json();
    $("sent").replaceChildren(...sent.data.map((m) => {
      const row = el("tr");
      row.append(el("td", new Date(m.acceptedAt).toLocaleTimeString(), "muted"));
      const to = el("td"); const reply = el("button", m.waId, "link"); reply.title = "Reply to this as the customer";
      reply.onclick = () => { $("from").value = m.waId; $("contextMessageId").value = m.wamid; $("phone").value = m.phoneNumberId; }; to.append(reply); row.append(to);
      row.append(el("td", summary(m.request)));
      const statusCell = el("td"); const last = m.statuses[m.statuses.length - 1];
      statusCell.append(el("span", last ? last.status : "accepted", "status " + (last ? last.status : "")));
      if (last && last.errors) statusCell.append(el("div", last.errors.map((e) => e.code + " " + e.title).join(", "), "muted"));
      row.append(statusCell);
      return row;
    }));
    if (!sent.data.length) $("sent").replaceChildren(Object.assign(el("tr"), { innerHTML: '<td colspan="4" class="muted">Nothing sent by the business yet.</td>' }));
    const inbound = await (await fetch("/_emulator/inbound?limit=20")).json();
    $("inbound").replaceChildren(...inbound.data.map((m) => {
      const row = el("tr");
      row.append(el("td", new Date(m.at).toLocaleTimeString(), "muted"), el("td", m.waId), el("td", m.type), el("td", m.delivered === true ? "delivered" : m.delivered === false ? "webhook failed" : "not sent", "muted"));
      return row;
    }));
  } catch (error) { console.error(error); }
}
$("type").onchange = showFields;
$("form").onsubmit = async (event) => {
  event.preventDefault();
  const input = { phoneNumberId: $("phone").value, from: $("from").value, type: $("type").value };
  if ($("name").value) input.name = $("name").value;
  if ($("contextMessageId").value) input.contextMessageId = $("contextMessageId").value;
  for (const field of FIELDS_BY_TYPE[input.type] || []) {
    const value = $(field).value; if (value === "" && field !== "emoji") continue;
    input[field] = field === "latitude" || field === "longitude" ? Number(value) : value;
  }
  const response = await fetch("/_emulator/customer-messages", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(input) });
  const result = await response.json();
  $("result").textContent = response.ok ? "Sent " + result.wamid + (result.delivered === true ? " · webhook delivered" : result.delivered === false ? " · webhook FAILED (see the app's logs)" : " · no webhook URL") : (result.error && result.error.message) || "Error";
  $("contextMessageId").value = "";
  refresh();
};
showFields(); loadState().then(refresh); setInterval(refresh, 2000);
`;

export function renderPage(): string {
  const options = CUSTOMER_MESSAGE_TYPES.map((type) => `<option value="${type}">${type.replace(/_/g, " ")}</option>`).join("");
  const fields = Object.entries(FIELD_LABELS)
    .map(([field, label]) =>
      field === "text"
        ? `<div data-field="text"><label for="text">${label}</label><textarea id="text">Hi! Is my order on its way?</textarea></div>`
        : `<div data-field="${field}"><label for="${field}">${label}</label><input id="${field}"${field === "emoji" ? ' value="👍"' : ""}></div>`,
    )
    .join("");
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>WhatsApp emulator</title><style>${STYLE}</style></head>
<body>
<h1><span>●</span> WhatsApp Cloud API emulator</h1>
<div class="meta">Webhooks go to <span id="webhook" class="mono">…</span></div>
<div class="grid">
  <section>
    <h2>Send as a customer</h2>
    <form id="form">
      <label for="phone">To business number</label><select id="phone"></select>
      <label for="from">Customer wa_id</label><input id="from" value="16505551234" inputmode="tel" required>
      <label for="name">Customer name</label><input id="name" placeholder="Customer 1234">
      <label for="type">Message type</label><select id="type">${options}</select>
      ${fields}
      <label for="contextMessageId">Reply to (wamid, optional)</label><input id="contextMessageId" class="mono">
      <button type="submit">Send</button>
      <div id="result" class="result"></div>
    </form>
  </section>
  <div class="stack">
    <section>
      <h2>Sent by the business</h2>
      <table><thead><tr><th>Time</th><th>To</th><th>Message</th><th>Status</th></tr></thead><tbody id="sent"></tbody></table>
    </section>
    <section>
      <h2>Recent customer messages</h2>
      <table><thead><tr><th>Time</th><th>From</th><th>Type</th><th>Webhook</th></tr></thead><tbody id="inbound"></tbody></table>
    </section>
  </div>
</div>
<script>${SCRIPT}</script>
</body>
</html>`;
}
