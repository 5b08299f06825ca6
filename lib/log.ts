/** One structured logger; modules take a child scoped by name: `const log = logger("auth")`. */
import pino from "pino";

const root = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "warn" : "info"),
  base: undefined,
  timestamp: pino.stdTimeFunctions.isoTime,
});

export function logger(scope: string): pino.Logger {
  return root.child({ scope });
}
