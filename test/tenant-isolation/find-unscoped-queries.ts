/**
 * Finds, in one source file, the queries that reach workspace-owned rows around the scoped client
 * (lib/db/tenant.ts): uses of the unscoped `prisma` (imported from "@/lib/db", under any local
 * name) on a tenant model (`prisma.message…`, `prisma["message"]…`), its raw SQL and transactions
 * (`$queryRaw`, `$executeRaw`, `$transaction`, whose `tx` is unscoped too), and `prisma` handed
 * on as a value (`recordAudit(prisma, …)`, `const db = prisma`), which would carry it anywhere.
 * Models without a workspace (User, Session, …) are not reported.
 *
 * Syntax only, one file at a time, like find-tenant-functions.ts.
 */
import ts from "typescript";

export interface UnscopedQuery {
  file: string;
  line: number;
  /** `prisma.message`, `prisma.$transaction`, or `prisma (as a value)`. */
  what: string;
}

/** Operations on the client itself that reach any table: raw SQL and transactions. */
const CLIENT_OPERATIONS = new Set(["$transaction", "$queryRaw", "$executeRaw", "$queryRawUnsafe", "$executeRawUnsafe", "$queryRawTyped"]);

/** The models of prisma/schema.prisma that a workspace owns (a `workspaceId` field, and Workspace), as client accessors. */
export function tenantAccessors(schema: string): Set<string> {
  const accessors = new Set<string>();
  for (const match of schema.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)) {
    const [, name, body] = match;
    if (!name || body === undefined) continue;
    if (name === "Workspace" || /^\s*workspaceId\s/m.test(body)) accessors.add(name[0]!.toLowerCase() + name.slice(1));
  }
  return accessors;
}

/** The local names `prisma` is imported under from "@/lib/db". */
function prismaNames(source: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    if (statement.moduleSpecifier.text !== "@/lib/db") continue;
    const bindings = statement.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    for (const element of bindings.elements) {
      if ((element.propertyName ?? element.name).text === "prisma" && !element.isTypeOnly) names.add(element.name.text);
    }
  }
  return names;
}

function accessedName(node: ts.Node): string | null {
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)) return node.argumentExpression.text;
  return null;
}

export function findUnscopedQueries(file: string, text: string, accessors: Set<string>): UnscopedQuery[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const names = prismaNames(source);
  if (names.size === 0) return [];
  const found: UnscopedQuery[] = [];
  const report = (node: ts.Node, what: string) =>
    found.push({ file, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, what });

  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && names.has(node.text) && !isDeclarationName(node)) {
      const parent = node.parent;
      const accessed = (ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) && parent.expression === node ? accessedName(parent) : null;
      if (accessed !== null) {
        if (accessors.has(accessed) || CLIENT_OPERATIONS.has(accessed)) report(parent, `prisma.${accessed}`);
      } else if (!ts.isImportSpecifier(parent) && !ts.isTypeQueryNode(parent) && !ts.isQualifiedName(parent)) {
        // (A qualified name is a type position, `typeof prisma.media.findUnique`: no query.)
        // A computed access (`prisma[name]`) or the client as a value: it could reach any model.
        report(node, "prisma (as a value)");
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The identifier is the name being declared (a parameter or variable of the same name), not a use. */
function isDeclarationName(node: ts.Identifier): boolean {
  const parent = node.parent;
  return (ts.isVariableDeclaration(parent) || ts.isParameter(parent) || ts.isBindingElement(parent)) && parent.name === node;
}
