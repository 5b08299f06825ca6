"use client";

import { useTranslations } from "next-intl";
import type { AssignableMember } from "@/lib/services/inbox/assignable-members";
import { Menu, MenuContent, MenuItem, MenuLabel, MenuSeparator, MenuTrigger } from "@/components/ui/menu";
import { Avatar } from "@/components/inbox/list/avatar";

/** Who handles the conversation: me, another member, or nobody. */
export function AssignMenu({
  assignee,
  members,
  userId,
  disabled,
  onAssign,
}: {
  assignee: { id: string; name: string | null; email: string } | null;
  members: AssignableMember[];
  userId: string;
  disabled?: boolean;
  onAssign: (assigneeId: string | null) => void;
}) {
  const t = useTranslations("conversationHeader");
  const current = assignee ? (assignee.name ?? assignee.email) : null;
  return (
    <Menu>
      <MenuTrigger
        disabled={disabled}
        aria-label={current ? t("assignedTo", { name: current }) : t("unassigned")}
        className="inline-flex h-8 items-center gap-2 rounded-md border border-zinc-300 px-2 text-sm outline-none hover:bg-zinc-50 focus-visible:ring-2 focus-visible:ring-brand-600 disabled:opacity-60 dark:border-zinc-700 dark:hover:bg-zinc-800"
      >
        {current ? <Avatar name={current} size="sm" /> : null}
        <span className="max-w-32 truncate">{current ?? t("assign")}</span>
      </MenuTrigger>
      <MenuContent align="end">
        <MenuLabel>{t("assignLabel")}</MenuLabel>
        {assignee?.id !== userId && <MenuItem onSelect={() => onAssign(userId)}>{t("assignToMe")}</MenuItem>}
        {members
          .filter((m) => m.id !== userId && m.id !== assignee?.id)
          .map((m) => (
            <MenuItem key={m.id} onSelect={() => onAssign(m.id)}>
              <Avatar name={m.name} size="sm" />
              <span className="truncate">{m.name}</span>
            </MenuItem>
          ))}
        {assignee && (
          <>
            <MenuSeparator />
            <MenuItem onSelect={() => onAssign(null)}>{t("unassign")}</MenuItem>
          </>
        )}
      </MenuContent>
    </Menu>
  );
}
