/** Password hashing: argon2id with the library's defaults (OWASP-recommended memory and time costs). */
import { hash, verify } from "@node-rs/argon2";

// Algorithm.Argon2id in the library's const enum, which isolatedModules cannot import.
const ARGON2ID = 2;

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false; // a malformed stored hash never signs anyone in
  }
}

// Verified against when the account does not exist, so a missing account costs the same time as
// a wrong password and response timing does not reveal which emails are registered.
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword("parley-timing-equaliser");
  await verifyPassword(await dummyHash, password);
}
