/**
 * Runs once when a server instance starts. NEXT_RUNTIME is not configuration: Next replaces it at
 * compile time in each runtime's bundle, so the Node-only start below is left out of the edge
 * bundle (the one process.env read outside lib/env.ts; test/architecture checks it stays so).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServer } = await import("./lib/server-start");
  await startServer();
}
