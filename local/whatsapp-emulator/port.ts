/**
 * The emulator's port from EMULATOR_PORT, shared by `npm run emulator` and `npm run dev` so a
 * second checkout can run beside the first by setting one variable.
 */
export const DEFAULT_EMULATOR_PORT = 4010;

export function emulatorPort(environment: Readonly<Record<string, string | undefined>> = process.env): number {
  const raw = environment.EMULATOR_PORT?.trim();
  if (!raw) return DEFAULT_EMULATOR_PORT;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65535) throw new Error(`EMULATOR_PORT is not a port: ${raw}`);
  return port;
}
