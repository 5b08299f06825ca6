import type { Role } from "@/lib/generated/prisma/enums";

/** What every service takes first: who is acting, in which workspace, with which role. */
export interface WorkspaceContext {
  workspaceId: string;
  userId: string;
  role: Role;
}

/** A signed-in user outside any workspace (onboarding, account settings). */
export interface UserContext {
  userId: string;
}
