/** Runs `next <command>` with the stack's environment until it exits or we are stopped. */
import { spawn } from "node:child_process";
import path from "node:path";
import type { LocalStack } from "./local-stack";

export function serveNext(args: string[], stack: LocalStack, extraEnv: Record<string, string> = {}): void {
  // Next's own bin, not npx: one process less between our signal handler and the server.
  const next = spawn(path.join("node_modules", ".bin", "next"), args, {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...extraEnv },
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => next.kill(signal));
  next.on("exit", (code) => {
    void stack.stop().then(() => process.exit(code ?? 0));
  });
}
