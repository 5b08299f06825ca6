/** One structured logger; modules take a child scoped by name: `const log = logger("auth")`. */
import pino from "pino";
import { env } from "@/lib/env";

const root = pino({
  level: env.LOG_LEVEL,
  base: undefined,
  timestamp: pino.stdTimeFunctions.isoTime,
});

export function logger(scope: string): pino.Logger {
  return root.child({ scope });
}
