"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/client";
import { clearOwnAppSecret, disconnect, saveConnection } from "@/lib/services/whatsapp/connections";
import { testConnection } from "@/lib/services/whatsapp/test-connection";
import { saveConnectionSchema } from "@/lib/validation/whatsapp";
import { slugParam } from "@/lib/validation/workspace";

const page = (slug: string) => revalidatePath(`/w/${slug}/settings/whatsapp`);
const slugOnly = z.object({ slug: slugParam });

export const saveConnectionAction = workspaceAction.inputSchema(saveConnectionSchema).action(async ({ parsedInput: { slug, ...input }, ctx }) => {
  await saveConnection(ctx.workspace, input);
  page(slug);
  return { saved: true };
});

export const testConnectionAction = workspaceAction.inputSchema(slugOnly).action(async ({ parsedInput, ctx }) => {
  const details = await testConnection(ctx.workspace);
  page(parsedInput.slug);
  return details;
});

export const clearAppSecretAction = workspaceAction.inputSchema(slugOnly).action(async ({ parsedInput, ctx }) => {
  await clearOwnAppSecret(ctx.workspace);
  page(parsedInput.slug);
});

export const disconnectAction = workspaceAction.inputSchema(slugOnly).action(async ({ parsedInput, ctx }) => {
  await disconnect(ctx.workspace);
  page(parsedInput.slug);
});
