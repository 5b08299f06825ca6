"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { Role } from "@/lib/generated/prisma/enums";
import {
  changeRoleAction,
  inviteMemberAction,
  leaveWorkspaceAction,
  removeMemberAction,
  revokeInvitationAction,
  transferOwnershipAction,
} from "@/app/actions/members";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { SelectField, TextField } from "@/components/ui/field";
import { formValues, useFormAction } from "@/components/forms/use-form-action";
import { useRelativeTime } from "@/components/ui/relative-time";

interface Member {
  id: string;
  role: Role;
  userId: string;
  name: string | null;
  email: string;
}

interface Props {
  slug: string;
  currentUserId: string;
  role: Role;
  permissions: { invite: boolean; changeRole: boolean; remove: boolean; transfer: boolean };
  assignableRoles: Role[];
  members: Member[];
  invitations: { id: string; email: string; role: Role; expiresAt: string }[];
}

export function MembersManager({ slug, currentUserId, role, permissions, assignableRoles, members, invitations }: Props) {
  const t = useTranslations("members");
  const tRoles = useTranslations("roles");
  const router = useRouter();
  const refresh = () => router.refresh();

  const invite = useFormAction(inviteMemberAction, refresh);
  const changeRole = useFormAction(changeRoleAction, refresh);
  const remove = useFormAction(removeMemberAction, refresh);
  const transfer = useFormAction(transferOwnershipAction, refresh);
  const revoke = useFormAction(revokeInvitationAction, refresh);
  const leave = useFormAction(leaveWorkspaceAction, (data) => {
    router.push(data.redirectTo);
    router.refresh();
  });
  const [copied, setCopied] = useState(false);
  const rowError = changeRole.formError ?? remove.formError ?? transfer.formError ?? revoke.formError ?? leave.formError;

  return (
    <div className="space-y-6">
      {permissions.invite && (
        <Card>
          <h2 className="mb-1 text-base font-semibold">{t("inviteTitle")}</h2>
          <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">{t("inviteDescription")}</p>
          <form
            noValidate
            className="grid gap-4 sm:grid-cols-[1fr_10rem_auto] sm:items-start"
            onSubmit={(event) => {
              event.preventDefault();
              const v = formValues(event.currentTarget);
              setCopied(false);
              invite.run({ slug, email: v.email ?? "", role: (v.role as "admin" | "agent") ?? "agent" });
              event.currentTarget.reset();
            }}
          >
            <TextField
              label={t("email")}
              name="email"
              type="email"
              required
              error={invite.fieldError("email")}
              data-testid="invite-email"
            />
            <SelectField label={t("role")} name="role" defaultValue="agent" error={invite.fieldError("role")}>
              {assignableRoles.map((r) => (
                <option key={r} value={r}>
                  {tRoles(r)}
                </option>
              ))}
            </SelectField>
            <Button type="submit" pending={invite.pending} className="sm:mt-6.5">
              {t("sendInvite")}
            </Button>
          </form>
          {invite.formError && (
            <Alert tone="error" className="mt-4">
              {invite.formError}
            </Alert>
          )}
          {invite.data && (
            <Alert tone="success" className="mt-4">
              <p>{t("invited", { email: invite.data.email })}</p>
              <div className="mt-2 flex items-center gap-2">
                <input
                  readOnly
                  value={invite.data.url}
                  className="min-w-0 flex-1 rounded border border-emerald-300 bg-white px-2 py-1 font-mono text-xs dark:bg-zinc-900"
                  aria-label={t("inviteLink")}
                  data-testid="invite-link"
                />
                <Button
                  type="button"
                  size="sm"
                  variant="secondary"
                  onClick={async () => {
                    await navigator.clipboard.writeText(invite.data?.url ?? "");
                    setCopied(true);
                  }}
                >
                  {copied ? t("copied") : t("copy")}
                </Button>
              </div>
            </Alert>
          )}
        </Card>
      )}

      {rowError && <Alert tone="error">{rowError}</Alert>}

      <Card className="p-0">
        <h2 className="px-6 pt-5 pb-3 text-base font-semibold">{t("membersTitle", { count: members.length })}</h2>
        <ul className="divide-y divide-zinc-100 dark:divide-zinc-800" data-testid="member-list">
          {members.map((m) => {
            const self = m.userId === currentUserId;
            const editable = !self && m.role !== "owner";
            return (
              <li key={m.id} className="flex flex-wrap items-center gap-3 px-6 py-3">
                <div className="min-w-0 flex-1">
                  <p className="truncate text-sm font-medium">
                    {m.name ?? m.email} {self && <span className="text-zinc-500">({t("you")})</span>}
                  </p>
                  <p className="truncate text-xs text-zinc-500 dark:text-zinc-400">{m.email}</p>
                </div>
                {permissions.changeRole && editable ? (
                  <select
                    aria-label={t("roleFor", { name: m.name ?? m.email })}
                    defaultValue={m.role}
                    disabled={changeRole.pending}
                    onChange={(e) => changeRole.run({ slug, membershipId: m.id, role: e.target.value as "admin" | "agent" })}
                    className="rounded-md border border-zinc-300 bg-transparent px-2 py-1 text-sm dark:border-zinc-700"
                  >
                    {assignableRoles.map((r) => (
                      <option key={r} value={r}>
                        {tRoles(r)}
                      </option>
                    ))}
                  </select>
                ) : (
                  <span className="rounded-full bg-zinc-100 px-2 py-0.5 text-xs dark:bg-zinc-800">{tRoles(m.role)}</span>
                )}
                {permissions.transfer && !self && (
                  <Button
                    size="sm"
                    variant="secondary"
                    pending={transfer.pending}
                    onClick={() => confirm(t("confirmTransfer", { name: m.name ?? m.email })) && transfer.run({ slug, membershipId: m.id })}
                  >
                    {t("makeOwner")}
                  </Button>
                )}
                {permissions.remove && editable && (
                  <Button
                    size="sm"
                    variant="ghost"
                    className="text-red-600 dark:text-red-400"
                    pending={remove.pending}
                    onClick={() => confirm(t("confirmRemove", { name: m.name ?? m.email })) && remove.run({ slug, membershipId: m.id })}
                  >
                    {t("remove")}
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      </Card>

      {invitations.length > 0 && (
        <Card className="p-0">
          <h2 className="px-6 pt-5 pb-3 text-base font-semibold">{t("pendingTitle")}</h2>
          <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {invitations.map((i) => (
              <li key={i.id} className="flex flex-wrap items-center gap-3 px-6 py-3">
                <div className="min-w-0 flex-1">
                  <p className="truncate text-sm">{i.email}</p>
                  <p className="text-xs text-zinc-500 dark:text-zinc-400">
                    {tRoles(i.role)} · <InvitationExpiry expiresAt={i.expiresAt} />
                  </p>
                </div>
                {permissions.invite && (
                  <Button size="sm" variant="ghost" pending={revoke.pending} onClick={() => revoke.run({ slug, invitationId: i.id })}>
                    {t("revoke")}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </Card>
      )}

      {role !== "owner" && (
        <Card>
          <h2 className="mb-1 text-base font-semibold">{t("leaveTitle")}</h2>
          <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">{t("leaveDescription")}</p>
          <Button variant="danger" pending={leave.pending} onClick={() => confirm(t("confirmLeave")) && leave.run({ slug })}>
            {t("leave")}
          </Button>
        </Card>
      )}
    </div>
  );
}

/** "expires in 7 days", kept current. */
function InvitationExpiry({ expiresAt }: { expiresAt: string }) {
  const t = useTranslations("members");
  const when = useRelativeTime(new Date(expiresAt));
  return <>{t("expires", { when })}</>;
}
