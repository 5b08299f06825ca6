/**
 * Connects the demo workspace to the bundled WhatsApp Cloud API emulator (local/whatsapp-emulator),
 * so a new user sees WhatsApp work end to end with no Meta account. Its webhooks are signed with the
 * platform-wide META_APP_SECRET (no per-number app secret) and verified with
 * WHATSAPP_WEBHOOK_VERIFY_TOKEN, both generated into .env.local by `npm run dev`.
 */
import { prisma } from "@/lib/db";
import { encryptSecret } from "@/lib/crypto/secrets";
import { env } from "@/lib/env";

export const EMULATOR_CONNECTION = {
  phoneNumberId: "100000000000001",
  wabaId: "200000000000001",
  accessToken: "emulator-access-token",
  displayPhoneNumber: "+1 555-010-0001",
  verifiedName: "Acme",
} as const;

export async function seedEmulatorConnection(workspaceId: string): Promise<void> {
  const existing = await prisma.whatsappConnection.findUnique({ where: { phoneNumberId: EMULATOR_CONNECTION.phoneNumberId } });
  if (existing) return;
  await prisma.whatsappConnection.create({
    data: {
      workspaceId,
      phoneNumberId: EMULATOR_CONNECTION.phoneNumberId,
      wabaId: EMULATOR_CONNECTION.wabaId,
      displayPhoneNumber: EMULATOR_CONNECTION.displayPhoneNumber,
      verifiedName: EMULATOR_CONNECTION.verifiedName,
      qualityRating: "GREEN",
      throughputLevel: "STANDARD",
      accessTokenEncrypted: encryptSecret(EMULATOR_CONNECTION.accessToken),
      appSecretEncrypted: null,
      webhookVerifyToken: env.WHATSAPP_WEBHOOK_VERIFY_TOKEN ?? "parley-emulator-verify-token",
      throughputCap: 80,
    },
  });
}
