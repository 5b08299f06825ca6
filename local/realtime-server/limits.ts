/** Pusher Channels' published limits, enforced the same way so nothing works here that Pusher would refuse. */

/** An event's `data` (the string sent to clients). */
export const MAX_EVENT_DATA_BYTES = 10 * 1024;
/** Channels one `POST /events` may name. */
export const MAX_CHANNELS_PER_EVENT = 100;
/** Events in one `POST /batch_events`. */
export const MAX_BATCH_EVENTS = 10;
export const MAX_EVENT_NAME_LENGTH = 200;
export const MAX_CHANNEL_NAME_LENGTH = 164;
/** A whole HTTP body: a full batch with room for its JSON. */
export const MAX_HTTP_BODY_BYTES = 256 * 1024;
/** A message from a WebSocket client (subscribe, ping …); nothing legitimate comes near it. */
export const MAX_CLIENT_MESSAGE_BYTES = 10 * 1024;

// `#server-to-user-{id}` is Pusher's reserved channel of a signed-in user (sendToUser).
const CHANNEL_NAME = /^(#server-to-user-)?[A-Za-z0-9_\-=@,.;]+$/;

export function isValidChannelName(name: unknown): name is string {
  return typeof name === "string" && name.length > 0 && name.length <= MAX_CHANNEL_NAME_LENGTH && CHANNEL_NAME.test(name);
}
