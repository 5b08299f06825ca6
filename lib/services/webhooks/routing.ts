/**
 * Which workspace a change belongs to, looked up inside the event's transaction (the authority;
 * the ingest path's cache only chose the signing secret). Memoised for the event's duration.
 */
import type { Prisma } from "@/lib/db";

export interface NumberRoute {
  workspaceId: string;
  connectionId: string;
}

export class EventRouting {
  private readonly numbers = new Map<string, NumberRoute | null>();
  private readonly wabas = new Map<string, string[]>();

  constructor(private readonly tx: Prisma.TransactionClient) {}

  /** The connection of a business phone number id, in whichever workspace holds it; null if none. */
  async byPhoneNumberId(phoneNumberId: string): Promise<NumberRoute | null> {
    if (!this.numbers.has(phoneNumberId)) {
      const row = await this.tx.whatsappConnection.findUnique({ where: { phoneNumberId }, select: { id: true, workspaceId: true } });
      this.numbers.set(phoneNumberId, row ? { workspaceId: row.workspaceId, connectionId: row.id } : null);
    }
    return this.numbers.get(phoneNumberId) ?? null;
  }

  /** The workspaces with a connection on this WhatsApp Business Account. */
  async byWabaId(wabaId: string): Promise<string[]> {
    let ids = this.wabas.get(wabaId);
    if (!ids) {
      const rows = await this.tx.whatsappConnection.findMany({
        where: { wabaId },
        select: { workspaceId: true },
        distinct: ["workspaceId"],
      });
      ids = rows.map((row) => row.workspaceId);
      this.wabas.set(wabaId, ids);
    }
    return ids;
  }
}
