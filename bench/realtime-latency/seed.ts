/**
 * The benchmark's tenant: one workspace connected to the emulator's number (signed by the platform
 * META_APP_SECRET), one member, and the Auth.js session cookie that member's browser would carry —
 * minted with the run's AUTH_SECRET exactly as Auth.js issues it at sign-in (JWT strategy), with the
 * server-side session row sign-in creates.
 */
import { randomBytes } from "node:crypto";
import { encode } from "next-auth/jwt";
import { randomToken, sha256 } from "@/lib/auth/tokens";
import { encryptSecret } from "@/lib/crypto/secrets";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { EmulatorPhoneNumber } from "@/local/whatsapp-emulator/types";

/** Auth.js's cookie (and JWT salt) name on plain http; `__Secure-` prefixed on https. */
export const SESSION_COOKIE = "authjs.session-token";

export interface BenchTenant {
  workspaceId: string;
  slug: string;
  userId: string;
  /** `authjs.session-token=…`, for the Cookie header. */
  cookie: string;
}

export async function seedTenant(prisma: PrismaClient, phone: EmulatorPhoneNumber, options: { encryptionKey: string; authSecret: string }): Promise<BenchTenant> {
  const suffix = randomBytes(4).toString("hex");
  const workspace = await prisma.workspace.create({ data: { name: "Realtime bench", slug: `realtime-bench-${suffix}` }, select: { id: true, slug: true } });
  await prisma.whatsappConnection.create({
    data: {
      workspaceId: workspace.id,
      phoneNumberId: phone.phoneNumberId,
      wabaId: phone.wabaId,
      displayPhoneNumber: phone.displayPhoneNumber,
      verifiedName: phone.verifiedName,
      accessTokenEncrypted: encryptSecret(phone.accessToken, options.encryptionKey),
      appSecretEncrypted: null,
      webhookVerifyToken: randomBytes(16).toString("hex"),
    },
  });
  const user = await prisma.user.create({ data: { email: `agent-${suffix}@bench.parley.test`, name: "Bench agent" }, select: { id: true } });
  await prisma.membership.create({ data: { workspaceId: workspace.id, userId: user.id, role: "agent" } });
  // A live server-side session, as sign-in creates it (lib/auth/sessions.ts): the row holds a hash of the id the JWT carries.
  const sid = randomToken();
  await prisma.session.create({ data: { sessionToken: sha256(sid), userId: user.id, expires: new Date(Date.now() + 24 * 3600_000) } });
  const token = await encode({ token: { sub: user.id, sid, authTime: Date.now() }, secret: options.authSecret, salt: SESSION_COOKIE });
  return { workspaceId: workspace.id, slug: workspace.slug, userId: user.id, cookie: `${SESSION_COOKIE}=${token}` };
}
