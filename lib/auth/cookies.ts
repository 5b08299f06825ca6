/** Cookie names shared by middleware (Edge) and server code. */
export const LAST_WORKSPACE_COOKIE = "parley_ws";
