import { prisma } from "@/lib/db";

/** The workspaces a user belongs to, with their role, by name. */
export async function listWorkspacesForUser(userId: string) {
  const memberships = await prisma.membership.findMany({
    where: { userId },
    select: { role: true, workspace: { select: { id: true, name: true, slug: true } } },
    orderBy: { workspace: { name: "asc" } },
  });
  return memberships.map((m) => ({ ...m.workspace, role: m.role }));
}
