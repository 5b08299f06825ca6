/**
 * How the real-time auth routes answer refusals: pusher-js expects plain text, 403 for "not
 * yours" (signed out included) and 400 for a malformed request; it shows none of it to users.
 */
import { isAppError } from "@/lib/errors";
import { textResponse } from "@/lib/http/route";

export function realtimeRefusal(expected: string): (error: unknown) => Response | undefined {
  return (error) => {
    if (!isAppError(error)) return undefined;
    if (error.code === "invalid") return textResponse(400, expected);
    if (error.code === "unauthorized" || error.code === "forbidden" || error.code === "not_found") return textResponse(403, "Forbidden");
    return undefined;
  };
}
