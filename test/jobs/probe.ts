/** JobProbe: one row per task run, with the process that ran it (the cross-process runner tests). */
import { prisma } from "@/lib/db";
import { qualifiedTable } from "@/lib/db/pool";

const probeTable = () => qualifiedTable("JobProbe");

export async function createProbeTable(): Promise<void> {
  await prisma.$executeRawUnsafe(`CREATE TABLE IF NOT EXISTS ${probeTable()} ("recordId" text NOT NULL, pid int NOT NULL, at timestamptz NOT NULL DEFAULT now())`);
}

export async function recordProbe(recordId: string): Promise<void> {
  await prisma.$executeRawUnsafe(`INSERT INTO ${probeTable()} ("recordId", pid) VALUES ($1, $2)`, recordId, process.pid);
}

export async function probeRows(): Promise<{ recordId: string; pid: number }[]> {
  return prisma.$queryRawUnsafe(`SELECT "recordId", pid FROM ${probeTable()} ORDER BY at`);
}
