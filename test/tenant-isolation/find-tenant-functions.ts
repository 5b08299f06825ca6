/**
 * Finds, in one source file, the exported functions that act inside a workspace, from the
 * TypeScript syntax tree (no type checker: it reads one file at a time, fast and deterministic).
 *
 * A function is a tenant function when one of its parameters
 * - is named `workspaceId`, or is an object pattern with a `workspaceId` property
 *   (`({ workspaceId, … })`);
 * - has a type that names a workspace: `WorkspaceContext` (also inside `Pick<…>`, `Readonly<…>`,
 *   an intersection or union), an object type with a `workspaceId` property, or a type alias or
 *   interface declared in the same file that is one of those (`interface Input extends
 *   WorkspaceContext`, `type Input = { workspaceId: string }`).
 * Whatever the parameter's name or position. Types imported from another file are not followed:
 * a parameter typed `Input` from elsewhere is not seen unless `Input` is `WorkspaceContext`.
 *
 * Exported forms: `export function` / `export async function`, `export default function`,
 * `export const x = (…) =>` / `async (…) =>` / `function (…)`, a function wrapped in calls
 * (`export const x = cache(async (ctx: WorkspaceContext) => …)`), and local functions exported by
 * `export { x }` / `export { x as y }`. A server action built from an action client that
 * resolves a workspace (`workspaceAction.inputSchema(…).action(…)`) is reported with
 * kind "action": its parameters are inferred (`{ parsedInput, ctx }`), and its input names a
 * workspace by slug, so it is tested through the action (actions.integration-test.ts and
 * friends) rather than as a service.
 */
import ts from "typescript";

export type TenantFunctionKind = "service" | "action";

export interface TenantFunction {
  name: string;
  file: string;
  line: number;
  kind: TenantFunctionKind;
  /** Why it counts: the parameter (or action client) that names the workspace. */
  because: string;
}

/** The action clients whose actions run inside a workspace (lib/actions/client.ts). */
export const WORKSPACE_ACTION_CLIENTS: readonly string[] = ["workspaceAction"];

const WORKSPACE_TYPE = "WorkspaceContext";
const WORKSPACE_ID = "workspaceId";

type FunctionLike = ts.FunctionDeclaration | ts.FunctionExpression | ts.ArrowFunction;

function isFunctionLike(node: ts.Node): node is FunctionLike {
  return ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isArrowFunction(node);
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === kind);
}

function propertyName(name: ts.PropertyName | ts.BindingName | undefined): string | undefined {
  if (!name) return undefined;
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isPrivateIdentifier(name)) return name.text;
  return undefined;
}

/** The local type aliases and interfaces of a file, by name, to follow a parameter's type once. */
type LocalTypes = Map<string, ts.InterfaceDeclaration | ts.TypeAliasDeclaration>;

function localTypes(source: ts.SourceFile): LocalTypes {
  const types: LocalTypes = new Map();
  for (const statement of source.statements) {
    if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) types.set(statement.name.text, statement);
  }
  return types;
}

function membersNameWorkspace(members: ts.NodeArray<ts.TypeElement>, types: LocalTypes, seen: Set<string>): boolean {
  return members.some(
    (member) =>
      propertyName(member.name) === WORKSPACE_ID ||
      // `{ ctx: WorkspaceContext }` as a parameter type: a workspace travels inside it.
      (ts.isPropertySignature(member) && member.type !== undefined && typeNamesWorkspace(member.type, types, seen)),
  );
}

/** Whether a type node is, contains or (through a local declaration) stands for a workspace. */
function typeNamesWorkspace(type: ts.TypeNode, types: LocalTypes, seen: Set<string>): boolean {
  if (ts.isParenthesizedTypeNode(type) || ts.isTypeOperatorNode(type) || ts.isArrayTypeNode(type)) {
    const inner = ts.isArrayTypeNode(type) ? type.elementType : type.type;
    return typeNamesWorkspace(inner, types, seen);
  }
  if (ts.isUnionTypeNode(type) || ts.isIntersectionTypeNode(type)) return type.types.some((t) => typeNamesWorkspace(t, types, seen));
  if (ts.isTypeLiteralNode(type)) return membersNameWorkspace(type.members, types, seen);
  if (ts.isTypeReferenceNode(type)) {
    const name = ts.isIdentifier(type.typeName) ? type.typeName.text : type.typeName.right.text;
    if (name === WORKSPACE_TYPE) return true;
    if ((type.typeArguments ?? []).some((t) => typeNamesWorkspace(t, types, seen))) return true;
    const local = ts.isIdentifier(type.typeName) ? types.get(name) : undefined;
    if (!local || seen.has(name)) return false;
    seen.add(name);
    if (ts.isTypeAliasDeclaration(local)) return typeNamesWorkspace(local.type, types, seen);
    const inherited = (local.heritageClauses ?? []).flatMap((clause) => clause.types);
    return (
      membersNameWorkspace(local.members, types, seen) ||
      inherited.some((h) => {
        const base = h.expression;
        const baseName = ts.isIdentifier(base) ? base.text : ts.isPropertyAccessExpression(base) ? base.name.text : "";
        if (baseName === WORKSPACE_TYPE) return true;
        const baseLocal = types.get(baseName);
        if (!baseLocal || seen.has(baseName)) return (h.typeArguments ?? []).some((t) => typeNamesWorkspace(t, types, seen));
        return typeNamesWorkspace(ts.factory.createTypeReferenceNode(baseName), types, seen);
      })
    );
  }
  return false;
}

/** The parameter that makes `fn` a tenant function, described; undefined when none does. */
function workspaceParameter(fn: FunctionLike, types: LocalTypes): string | undefined {
  for (const [index, parameter] of fn.parameters.entries()) {
    const label = ts.isIdentifier(parameter.name) ? parameter.name.text : `parameter ${index + 1}`;
    if (ts.isIdentifier(parameter.name) && parameter.name.text === WORKSPACE_ID) return `${label} (by name)`;
    if (ts.isObjectBindingPattern(parameter.name)) {
      const named = parameter.name.elements.some((e) => (propertyName(e.propertyName) ?? propertyName(e.name)) === WORKSPACE_ID);
      if (named) return `${label}: { ${WORKSPACE_ID} } (destructured)`;
    }
    if (parameter.type && typeNamesWorkspace(parameter.type, types, new Set())) {
      return `${label}: ${parameter.type.getText().replace(/\s+/g, " ").slice(0, 80)}`;
    }
  }
  return undefined;
}

/** Peels `(…)`, `x as T`, `x satisfies T` and `x!` off an expression. */
function unwrap(expression: ts.Expression): ts.Expression {
  let e = expression;
  while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e) || ts.isNonNullExpression(e)) {
    e = e.expression;
  }
  return e;
}

/** The function an exported initializer evaluates to: itself, or one passed to the wrapping calls. */
function functionsIn(expression: ts.Expression): FunctionLike[] {
  const e = unwrap(expression);
  if (isFunctionLike(e)) return [e];
  if (ts.isCallExpression(e)) return e.arguments.flatMap((argument) => functionsIn(argument));
  return [];
}

/** The identifier a call chain starts from: `workspaceAction` in `workspaceAction.a(…).b(…)`. */
function chainRoot(expression: ts.Expression): string | undefined {
  let e = unwrap(expression);
  for (;;) {
    if (ts.isCallExpression(e)) e = unwrap(e.expression);
    else if (ts.isPropertyAccessExpression(e)) e = unwrap(e.expression);
    else break;
  }
  return ts.isIdentifier(e) ? e.text : undefined;
}

function scriptKind(file: string): ts.ScriptKind {
  return file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
}

/** The tenant functions `file` (its `text`) exports. */
export function findTenantFunctions(file: string, text: string): TenantFunction[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, scriptKind(file));
  const types = localTypes(source);
  const found: TenantFunction[] = [];
  const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;

  // Top-level function-likes by local name, and which local names leave the module under which name.
  const locals = new Map<string, { node: ts.Node; fns: FunctionLike[]; initializer?: ts.Expression }>();
  const exported = new Map<string, string[]>();
  const exportAs = (local: string, name: string) => exported.set(local, [...(exported.get(local) ?? []), name]);

  for (const statement of source.statements) {
    const isExported = hasModifier(statement, ts.SyntaxKind.ExportKeyword);
    const isDefault = hasModifier(statement, ts.SyntaxKind.DefaultKeyword);
    if (ts.isFunctionDeclaration(statement)) {
      const local = statement.name?.text ?? "default";
      locals.set(local, { node: statement, fns: [statement] });
      if (isExported) exportAs(local, isDefault ? "default" : local);
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (!ts.isIdentifier(declaration.name) || !declaration.initializer) continue;
        const local = declaration.name.text;
        locals.set(local, { node: declaration, fns: functionsIn(declaration.initializer), initializer: declaration.initializer });
        if (isExported) exportAs(local, local);
      }
    } else if (ts.isExportDeclaration(statement) && !statement.moduleSpecifier && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      // `export { a, b as c }` of this file's own declarations (a re-export `from "…"` is found in its own file).
      for (const element of statement.exportClause.elements) exportAs((element.propertyName ?? element.name).text, element.name.text);
    } else if (ts.isExportAssignment(statement) && !statement.isExportEquals) {
      const fns = functionsIn(statement.expression);
      const target = unwrap(statement.expression);
      if (ts.isIdentifier(target)) exportAs(target.text, "default");
      else {
        locals.set("default (expression)", { node: statement, fns, initializer: statement.expression });
        exportAs("default (expression)", "default");
      }
    }
  }

  for (const [local, names] of exported) {
    const entry = locals.get(local);
    if (!entry) continue;
    const root = entry.initializer ? chainRoot(entry.initializer) : undefined;
    for (const name of names) {
      if (root && WORKSPACE_ACTION_CLIENTS.includes(root) && entry.initializer && ts.isCallExpression(unwrap(entry.initializer))) {
        found.push({ name, file, line: lineOf(entry.node), kind: "action", because: `built from ${root}` });
        continue;
      }
      for (const fn of entry.fns) {
        const because = workspaceParameter(fn, types);
        if (because) {
          found.push({ name, file, line: lineOf(entry.node), kind: "service", because });
          break;
        }
      }
    }
  }
  return found.sort((a, b) => a.line - b.line);
}
