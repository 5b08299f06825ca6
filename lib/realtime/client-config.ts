/**
 * The public real-time settings a server component hands to <RealtimeProvider config={…}>:
 * read on the server at request time, so they follow the environment the app runs in, not the
 * one it was built in.
 */
import "server-only";
export { realtimeClientConfig, type RealtimeClientConfig } from "./config";
