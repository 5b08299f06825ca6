import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { requireWorkspace } from "@/lib/auth/workspace";
import { listWorkspacesForUser } from "@/lib/services/workspaces/list-workspaces";
import { AppShell } from "@/components/shell/app-shell";
import { RealtimeProvider } from "@/components/realtime/realtime-provider";
import { realtimeClientConfig } from "@/lib/realtime/client-config";

export default async function WorkspaceLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { workspace, user, ctx } = await requireWorkspace(slug);
  const workspaces = await listWorkspacesForUser(user.id);
  return (
    // Dates and times on workspace pages follow the workspace's time zone.
    <NextIntlClientProvider timeZone={workspace.timezone}>
      {/* One live connection for every workspace page; settings read now, not at build time. */}
      <RealtimeProvider config={realtimeClientConfig()} workspaceId={workspace.id} userId={user.id}>
        <AppShell
          workspace={{ name: workspace.name, slug: workspace.slug }}
          workspaces={workspaces.map((w) => ({ name: w.name, slug: w.slug }))}
          user={{ name: user.name, email: user.email }}
          role={ctx.role}
        >
          {children}
        </AppShell>
      </RealtimeProvider>
    </NextIntlClientProvider>
  );
}
