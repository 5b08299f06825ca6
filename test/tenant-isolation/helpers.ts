/**
 * Helpers for the tenant-isolation suite (DESIGN.md invariant 1). Pattern for a new service:
 *
 *   describe("myService", () => {
 *     it("reads nothing and changes nothing of A", async () => {
 *       const { A, B } = await createTenants();
 *       await untouched(A, async () => {
 *         expect(await notFound(myService(B.owner.ctx, A.someId))).toMatchObject({ … });
 *       });
 *     });
 *   });
 *
 * The `describe` title must be the service's exported name: test/tenant-isolation/coverage.test.ts
 * fails for any exported function taking a workspace (context or id) that no describe here names
 * and that its ALLOWED list does not excuse.
 */
import { expect } from "vitest";
import { AppError } from "@/lib/errors";
import type { Tenant } from "@/test/fixtures/tenants";
import { snapshotWorkspace } from "@/test/fixtures/snapshot";

/** Runs `act` and asserts that nothing `tenant` owns changed meanwhile. */
export async function untouched(tenant: Tenant, act: () => Promise<void>): Promise<void> {
  const before = await snapshotWorkspace(tenant.workspace.id);
  await act();
  expect(await snapshotWorkspace(tenant.workspace.id)).toEqual(before);
}

/** The AppError `promise` rejects with; fails the test if it resolves or throws anything else. */
export async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** Every id-like string tenant A owns, to check that a result mentions none of them. */
export function idsOf(tenant: Tenant): string[] {
  return [
    tenant.workspace.id,
    tenant.workspace.slug,
    ...[tenant.owner, tenant.admin, tenant.agent].flatMap((m) => [m.userId, m.membershipId, m.email]),
    tenant.connection.id,
    ...tenant.contacts.map((c) => c.id),
    ...tenant.conversations.map((c) => c.id),
    ...tenant.messages.map((m) => m.id),
    tenant.invitation.id,
    tenant.invitation.email,
  ];
}

/** Asserts that `result`, serialised, contains no id of `tenant`. */
export function expectNothingOf(tenant: Tenant, result: unknown): void {
  const text = JSON.stringify(result) ?? "";
  expect(idsOf(tenant).filter((id) => text.includes(id))).toEqual([]);
}
