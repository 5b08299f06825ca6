/** What the business sent (accepted messages) and marked as read, for tests, the page and GET /_emulator/sent. */
import type { ReadReceiptRecord, SentMessageRecord } from "./types";

const LIMIT = 100_000;

export class SentLog {
  private readonly records: SentMessageRecord[] = [];
  private readonly byWamid = new Map<string, SentMessageRecord>();
  private readonly receipts: ReadReceiptRecord[] = [];

  add(record: SentMessageRecord): void {
    this.records.push(record);
    this.byWamid.set(record.wamid, record);
    if (this.records.length > LIMIT) this.byWamid.delete(this.records.shift()!.wamid);
  }

  get(wamid: string): SentMessageRecord | undefined {
    return this.byWamid.get(wamid);
  }

  /** The latest message the number sent to `waId`. */
  lastTo(phoneNumberId: string, waId: string): SentMessageRecord | undefined {
    for (let i = this.records.length - 1; i >= 0; i--) {
      const record = this.records[i]!;
      if (record.phoneNumberId === phoneNumberId && record.waId === waId) return record;
    }
    return undefined;
  }

  all(filter: { phoneNumberId?: string; waId?: string } = {}): SentMessageRecord[] {
    return this.records.filter(
      (record) => (!filter.phoneNumberId || record.phoneNumberId === filter.phoneNumberId) && (!filter.waId || record.waId === filter.waId),
    );
  }

  addReceipt(receipt: ReadReceiptRecord): void {
    this.receipts.push(receipt);
    if (this.receipts.length > LIMIT) this.receipts.shift();
  }

  readReceipts(): ReadReceiptRecord[] {
    return [...this.receipts];
  }

  clear(): void {
    this.records.length = 0;
    this.byWamid.clear();
    this.receipts.length = 0;
  }
}
