import { createWhatsAppClient, type WhatsAppClient } from "@/lib/whatsapp/client";
import { graphApiBaseUrl, graphApiVersion } from "@/lib/whatsapp/config";
import type { ConnectionWithSecrets } from "./connection-secrets";

/** The Graph API client for a stored connection, at the configured Graph API location. */
export function clientForConnection(connection: ConnectionWithSecrets): WhatsAppClient {
  return createWhatsAppClient({
    baseUrl: graphApiBaseUrl(),
    version: graphApiVersion(),
    accessToken: connection.accessToken,
    phoneNumberId: connection.phoneNumberId,
    wabaId: connection.wabaId,
  });
}
