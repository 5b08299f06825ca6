/**
 * Every Trigger.dev queue, declared once (STYLE.md, "Background tasks"). Tasks name their queue;
 * the local runner reads the same definitions.
 */
import { queue } from "@trigger.dev/sdk";

/** Housekeeping over all workspaces (media retention): one run at a time is plenty. */
export const maintenanceQueue = queue({ name: "maintenance", concurrencyLimit: 1 });
