/**
 * The permission matrix: the one place that says which role may do what. Services ask by name
 * (`authorize(ctx, "member:invite")`); the UI may ask too, to hide what a role cannot use, but the
 * service check is the authority.
 */
import type { Role } from "@/lib/generated/prisma/enums";
import { Forbidden } from "@/lib/errors";

const ALL: readonly Role[] = ["owner", "admin", "agent"];
const MANAGERS: readonly Role[] = ["owner", "admin"];
const OWNER: readonly Role[] = ["owner"];

export const PERMISSIONS = {
  "workspace:view": ALL,
  "workspace:update": MANAGERS,
  "workspace:delete": OWNER,
  "member:view": ALL,
  "member:invite": MANAGERS,
  "member:change_role": MANAGERS,
  "member:remove": MANAGERS,
  "ownership:transfer": OWNER,
  "connection:view": MANAGERS,
  "connection:manage": MANAGERS,
  "conversation:view": ALL,
  "conversation:reply": ALL,
  "conversation:assign": ALL,
  "contact:view": ALL,
  "contact:write": ALL,
  /** Deleting contacts deletes their conversations with them: owners and admins only. */
  "contact:delete": MANAGERS,
  "contact:import": MANAGERS,
  "contact:export": MANAGERS,
  /** Custom-field definitions and the consent keywords (Settings → Contact fields, Consent). */
  "contact:fields": MANAGERS,
  "consent:manage": MANAGERS,
  "canned_reply:manage": MANAGERS,
  "template:view": ALL,
  "template:manage": MANAGERS,
  "campaign:view": ALL,
  "campaign:launch": MANAGERS,
  "api_key:manage": MANAGERS,
  "automation:manage": MANAGERS,
  "audit:view": MANAGERS,
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Throws Forbidden unless the context's role holds the permission. */
export function authorize(ctx: { role: Role }, permission: Permission): void {
  if (!can(ctx.role, permission)) throw Forbidden();
}

/** Roles a member of `actor` role may hand out (by invitation or role change). Owner moves only by transfer. */
export function assignableRoles(actor: Role): Role[] {
  return actor === "owner" || actor === "admin" ? ["admin", "agent"] : [];
}
