/** Runs once when a server instance starts (Node runtime), on `next start` and on Vercel alike. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NODE_ENV === "production") {
    const { assertProductionEnv } = await import("./lib/env");
    assertProductionEnv();
  }
}
