/**
 * A table name for the inbox's raw SQL, qualified with the schema Prisma itself uses (the shared
 * pool's `?schema=`), so raw and Prisma queries always read the same tables — also on PGlite,
 * whose connections share one search_path.
 */
import { Prisma } from "@/lib/db";
import { qualifiedTable } from "@/lib/db/pool";

export function table(name: "Contact" | "Conversation" | "Message"): Prisma.Sql {
  return Prisma.raw(qualifiedTable(name));
}
