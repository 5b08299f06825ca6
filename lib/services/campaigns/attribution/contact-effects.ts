/**
 * What Meta's asynchronous refusal of a campaign message says about the contact, beyond the
 * recipient: 131026 (undeliverable) suppresses the number for every later campaign (the first
 * report's reason is kept). The opt-out of 131050 is consent's (lib/services/contacts/consent.ts).
 */
import type { Prisma } from "@/lib/db";
import type { MetaError } from "@/lib/whatsapp/webhook/meta-error";
import { SQL_NOW_UTC, sqlName, sqlTimestamp } from "@/lib/services/webhooks/sql";

/** Sets Contact.suppressedAt once, with "Meta 131026: <title>"; true when it was not suppressed yet. */
export async function suppressUndeliverable(
  tx: Prisma.TransactionClient,
  workspaceId: string,
  contactId: string,
  error: MetaError,
  at: Date,
): Promise<boolean> {
  const reason = `Meta ${error.code ?? "?"}: ${error.title ?? error.message ?? "undeliverable"}`.slice(0, 500);
  const count = await tx.$executeRaw`
    UPDATE ${sqlName("Contact")} SET
      "suppressedAt" = ${sqlTimestamp(at)},
      "suppressedReason" = ${reason},
      "updatedAt" = ${SQL_NOW_UTC}
    WHERE id = ${contactId} AND "workspaceId" = ${workspaceId} AND "suppressedAt" IS NULL`;
  return count === 1;
}
