/**
 * Who may listen on which channel (DESIGN.md invariant 1 applied to real-time): a workspace
 * channel only for a member of that workspace, checked in the database at subscription time;
 * a user channel only for that user; nothing else (public, presence, unknown shapes).
 */
import { prisma } from "@/lib/db";

const WORKSPACE = /^private-workspace-([A-Za-z0-9_-]{1,64})$/;
const USER = /^private-user-([A-Za-z0-9_-]{1,64})$/;

export async function mayListen(userId: string, channelName: string): Promise<boolean> {
  const user = USER.exec(channelName);
  if (user) return user[1] === userId;
  const workspace = WORKSPACE.exec(channelName);
  if (!workspace) return false;
  const membership = await prisma.membership.findUnique({
    where: { workspaceId_userId: { workspaceId: workspace[1]!, userId } },
    select: { id: true },
  });
  return membership !== null;
}
