import { prisma } from "@/lib/db";
import { Conflict } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import type { SignUpInput } from "@/lib/validation/auth";
import { isUniqueViolation } from "@/lib/db/errors";

export async function signUp(input: SignUpInput & { locale?: string | null }) {
  const existing = await prisma.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) throw Conflict("emailTaken", { field: "email" });
  const passwordHash = await hashPassword(input.password);
  try {
    return await prisma.user.create({
      data: { name: input.name, email: input.email, passwordHash, locale: input.locale ?? null },
      select: { id: true, email: true, name: true },
    });
  } catch (error) {
    // Two sign-ups racing for one address: the unique index decides, the loser gets the same answer.
    if (isUniqueViolation(error)) throw Conflict("emailTaken", { field: "email" });
    throw error;
  }
}
