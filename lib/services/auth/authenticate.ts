/** Checks an email and password for Auth.js's credentials provider, with throttling. */
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { burnPasswordCheck, verifyPassword } from "@/lib/auth/password";
import { assertSignInAllowed, clearSignInFailures, recordSignInFailure } from "@/lib/auth/throttle";

export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string | null;
}

export async function authenticate(input: { email: string; password: string; ip: string | null }): Promise<AuthenticatedUser> {
  await assertSignInAllowed(input.email, input.ip);
  const user = await prisma.user.findUnique({ where: { email: input.email } });
  const ok = user?.passwordHash
    ? await verifyPassword(user.passwordHash, input.password)
    : (await burnPasswordCheck(input.password), false);
  if (!user || !ok) {
    await recordSignInFailure(input.email, input.ip);
    // One message for both cases: which emails have accounts is nobody's business.
    throw new AppError("unauthorized", "invalidCredentials");
  }
  await clearSignInFailures(input.email);
  return { id: user.id, email: user.email, name: user.name };
}
