import { prisma } from "@/lib/db";
import type { Locale } from "@/lib/i18n/config";

export async function setUserLocale(userId: string, locale: Locale): Promise<void> {
  await prisma.user.update({ where: { id: userId }, data: { locale } });
}

export async function savedLocaleForEmail(email: string): Promise<string | null> {
  const user = await prisma.user.findUnique({ where: { email }, select: { locale: true } });
  return user?.locale ?? null;
}

export async function saveLocaleForEmail(email: string, locale: Locale): Promise<void> {
  await prisma.user.updateMany({ where: { email, NOT: { locale } }, data: { locale } });
}
