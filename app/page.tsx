import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { LAST_WORKSPACE_COOKIE } from "@/lib/auth/cookies";
import { listWorkspacesForUser } from "@/lib/services/workspaces/list-workspaces";

/** Home: the last workspace used (if still a member), else the first, else onboarding. */
export default async function Home() {
  const user = await requireUser();
  const workspaces = await listWorkspacesForUser(user.id);
  const last = (await cookies()).get(LAST_WORKSPACE_COOKIE)?.value;
  const target = workspaces.find((w) => w.slug === last) ?? workspaces[0];
  redirect(target ? `/w/${target.slug}/inbox` : "/onboarding");
}
