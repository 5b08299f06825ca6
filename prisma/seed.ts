/**
 * `npm run db:seed`: a demo to click through. Idempotent: running it twice changes nothing.
 *   demo@parley.dev / parley-demo — owner of "Acme"; siti@parley.dev (admin) and
 *   budi@parley.dev (agent) with the same password; a few hundred contacts with groups and tags;
 *   Acme connected to the bundled WhatsApp emulator's number; a few conversations of the last
 *   days, the emulator's two approved templates and some canned replies (seed-inbox.ts).
 */
import { prisma } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { seedContacts } from "./seed-contacts";
import { seedEmulatorConnection } from "./seed-connection";
import { seedInbox } from "./seed-inbox";

export const DEMO_PASSWORD = "parley-demo";
const PEOPLE = [
  { email: "demo@parley.dev", name: "Dewi Lestari", role: "owner" },
  { email: "siti@parley.dev", name: "Siti Rahma", role: "admin" },
  { email: "budi@parley.dev", name: "Budi Santoso", role: "agent" },
] as const;

export async function seed(): Promise<{ workspaceId: string }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const workspace = await prisma.workspace.upsert({
    where: { slug: "acme" },
    create: { name: "Acme", slug: "acme", defaultCountry: "ID", timezone: "Asia/Jakarta" },
    update: {},
  });
  for (const person of PEOPLE) {
    const user = await prisma.user.upsert({
      where: { email: person.email },
      create: { email: person.email, name: person.name, passwordHash },
      update: {},
    });
    await prisma.membership.upsert({
      where: { workspaceId_userId: { workspaceId: workspace.id, userId: user.id } },
      create: { workspaceId: workspace.id, userId: user.id, role: person.role },
      update: {},
    });
  }
  await seedContacts(workspace.id, 300);
  await seedEmulatorConnection(workspace.id);
  await seedInbox(workspace.id);
  return { workspaceId: workspace.id };
}
