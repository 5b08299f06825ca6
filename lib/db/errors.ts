/** Recognises Prisma's known request errors without importing the runtime class everywhere. */
export function prismaErrorCode(error: unknown): string | undefined {
  if (typeof error === "object" && error !== null && "code" in error && typeof error.code === "string") return error.code;
  return undefined;
}

/** P2002: a unique constraint refused the write. */
export function isUniqueViolation(error: unknown): boolean {
  return prismaErrorCode(error) === "P2002";
}

/** P2025: the record to update or delete was not found. */
export function isRecordNotFound(error: unknown): boolean {
  return prismaErrorCode(error) === "P2025";
}
