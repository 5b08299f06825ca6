import { randomBytes } from "node:crypto";
import { prisma } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import type { CreateWorkspaceInput } from "@/lib/validation/workspace";
import { slugify } from "./slug";

/** Creates a workspace with the user as its owner; the slug comes from the name, made unique. */
export async function createWorkspace(userId: string, input: CreateWorkspaceInput) {
  const base = slugify(input.name);
  for (let attempt = 0; attempt < 6; attempt++) {
    const slug = attempt === 0 ? base : `${base}-${randomBytes(2).toString("hex")}`;
    try {
      return await prisma.workspace.create({
        data: { ...input, slug, memberships: { create: { userId, role: "owner" } } },
        select: { id: true, name: true, slug: true },
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error; // a taken slug: try a suffixed one
    }
  }
  throw new Error("Could not find a free workspace slug");
}
