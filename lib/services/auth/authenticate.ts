/** Checks an email and password for Auth.js's credentials provider, with throttling. */
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { burnPasswordCheck, verifyPassword } from "@/lib/auth/password";
import { consumeSignInAttempt, recordSignInSuccess } from "@/lib/auth/throttle";

export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string | null;
}

export async function authenticate(input: { email: string; password: string; ip: string | null }): Promise<AuthenticatedUser> {
  // Counted before the password is checked: a burst of parallel guesses cannot outrun the limit.
  await consumeSignInAttempt(input.email, input.ip);
  const user = await prisma.user.findUnique({ where: { email: input.email } });
  const ok = user?.passwordHash
    ? await verifyPassword(user.passwordHash, input.password)
    : (await burnPasswordCheck(input.password), false);
  if (!user || !ok) {
    // One message for both cases: which emails have accounts is nobody's business.
    throw new AppError("unauthorized", "invalidCredentials");
  }
  await recordSignInSuccess(input.email, input.ip);
  return { id: user.id, email: user.email, name: user.name };
}
