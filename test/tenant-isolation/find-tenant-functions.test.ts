import { describe, expect, it } from "vitest";
import { findTenantFunctions } from "./find-tenant-functions";

const names = (source: string, file = "lib/services/x/y.ts") => findTenantFunctions(file, source).map((f) => `${f.kind}:${f.name}`);

describe("findTenantFunctions", () => {
  it("finds function declarations taking a WorkspaceContext, whatever the parameter's name or position", () => {
    const source = `
      import type { WorkspaceContext } from "@/lib/auth/context";
      export function a(ctx: WorkspaceContext) {}
      export async function b(db: Db, context: WorkspaceContext, id: string) {}
      export default async function (w: Readonly<WorkspaceContext>) {}
    `;
    expect(names(source)).toEqual(["service:a", "service:b", "service:default"]);
  });

  it("finds arrow functions and function expressions, async or not", () => {
    const source = `
      export const a = (ctx: WorkspaceContext) => 1;
      export const b = async (c: WorkspaceContext, id: string) => 2;
      export const c = function (x: WorkspaceContext) {};
      export const d = async function named(x: WorkspaceContext) {};
    `;
    expect(names(source)).toEqual(["service:a", "service:b", "service:c", "service:d"]);
  });

  it("finds functions wrapped in calls (cache, memo, …) and behind `as` / `satisfies`", () => {
    const source = `
      export const a = cache(async (ctx: WorkspaceContext) => 1);
      export const b = outer(inner(async (id: string, ctx: WorkspaceContext) => 2));
      export const c = ((ctx: WorkspaceContext) => 3) satisfies Service;
    `;
    expect(names(source)).toEqual(["service:a", "service:b", "service:c"]);
  });

  it("finds a workspace id: a workspaceId parameter, or an object parameter with workspaceId", () => {
    const source = `
      export async function byName(workspaceId: string, id: string) {}
      export const destructured = async ({ workspaceId, id }: Input) => {};
      export const renamed = async ({ workspaceId: w }: { workspaceId: string }) => {};
      export function typed(input: { id: string; workspaceId: string }) {}
      export function nested(input: { ctx: WorkspaceContext; id: string }) {}
    `;
    expect(names(source)).toEqual(["service:byName", "service:destructured", "service:renamed", "service:typed", "service:nested"]);
  });

  it("finds Pick, intersections, unions and local types that carry a workspace", () => {
    const source = `
      interface Scoped extends WorkspaceContext { extra: boolean }
      interface Row { id: string; workspaceId: string }
      type Input = Row & { note: string };
      type Unrelated = { id: string };
      export function a(ctx: Pick<WorkspaceContext, "workspaceId">) {}
      export function b(ctx: WorkspaceContext & { tx: Tx }) {}
      export function c(s: Scoped) {}
      export function d(input: Input) {}
      export function e(u: Unrelated) {}
      export function f(x: ctx.WorkspaceContext | null) {}
    `;
    expect(names(source)).toEqual(["service:a", "service:b", "service:c", "service:d", "service:f"]);
  });

  it("counts `export { x }` and `export { x as y }` of local functions", () => {
    const source = `
      async function hidden(ctx: WorkspaceContext) {}
      const arrow = (workspaceId: string) => 1;
      export { hidden, arrow as renamedArrow };
    `;
    expect(names(source)).toEqual(["service:hidden", "service:renamedArrow"]);
  });

  it("ignores what is not exported, and exported functions that take no workspace", () => {
    const source = `
      function internal(ctx: WorkspaceContext) {}
      const alsoInternal = async (workspaceId: string) => {};
      export function userOnly(ctx: UserContext, id: string) {}
      export const value = 3;
      export function helper() { const inner = (ctx: WorkspaceContext) => 1; return inner; }
    `;
    expect(names(source)).toEqual([]);
  });

  it("reports server actions built from workspaceAction as actions, and other action clients not at all", () => {
    const source = `
      "use server";
      export const renameAction = workspaceAction
        .inputSchema(z.object({ slug: slugParam, name: z.string() }))
        .action(async ({ parsedInput, ctx }) => renameWorkspace(ctx.workspace, parsedInput.name));
      export const signInAction = publicAction.inputSchema(schema).action(async ({ parsedInput }) => signIn(parsedInput));
      export const accountAction = userAction.action(async ({ ctx }) => account(ctx.user));
    `;
    expect(names(source, "app/actions/workspaces.ts")).toEqual(["action:renameAction"]);
  });

  it("parses .tsx files", () => {
    const source = `export function Panel({ workspaceId }: { workspaceId: string }) { return <div>{workspaceId}</div>; }`;
    expect(names(source, "app/panel.tsx")).toEqual(["service:Panel"]);
  });

  it("says where and why", () => {
    const [found] = findTenantFunctions("lib/services/a.ts", "\n\nexport const leak = async (workspaceId: string) => 1;");
    expect(found).toEqual({ name: "leak", file: "lib/services/a.ts", line: 3, kind: "service", because: "workspaceId (by name)" });
  });
});
