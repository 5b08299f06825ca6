/** Auth.js with email + password (argon2id), JWT sessions. */
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authConfig } from "./config";
import { authSecret } from "./secret";
import { clientIp } from "./client-ip";
import { signInSchema } from "@/lib/validation/auth";
import { authenticate } from "@/lib/services/auth/authenticate";
import { isAppError } from "@/lib/errors";
import { logger } from "@/lib/log";
import { createSession } from "./sessions";

const log = logger("auth");

/**
 * Carries why a sign-in failed to the sign-in action: `invalid_credentials`, `invalid_input`, or
 * `rate_limited:<minutes>`. None of them tells whether the email has an account.
 */
export class SignInFailed extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  ...authConfig,
  secret: authSecret(),
  callbacks: {
    ...authConfig.callbacks,
    // Node only (sign-in runs in a server action): the Edge middleware decodes tokens, never issues them.
    async jwt(params) {
      const token = authConfig.callbacks.jwt(params);
      if (params.user?.id) token.sid = await createSession(params.user.id);
      return token;
    },
  },
  logger: {
    // A refused password is an expected outcome, already answered to the user; not an error.
    error(error) {
      if (error instanceof CredentialsSignin || error.name === "CredentialsSignin") return;
      log.error({ err: error }, "auth error");
    },
    warn(code) {
      log.warn({ code }, "auth warning");
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) throw new SignInFailed("invalid_input");
        try {
          return await authenticate({ ...parsed.data, ip: clientIp(request.headers) });
        } catch (error) {
          if (isAppError(error) && error.code === "rate_limited") throw new SignInFailed(`rate_limited:${error.params.minutes}`);
          if (isAppError(error) && error.code === "unauthorized") throw new SignInFailed("invalid_credentials");
          throw error;
        }
      },
    }),
  ],
}));
