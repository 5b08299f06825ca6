/**
 * Scripts run outside Next, which would otherwise load these files itself. Same precedence as
 * Next: real environment first, then .env.local, then .env. Missing files are fine.
 */
import { config } from "dotenv";

export function loadEnvFiles(): void {
  config({ path: [".env.local", ".env"], quiet: true });
}
