/**
 * The conversation list's filters and search limits: plain values, importable by client
 * components too (nothing here touches the database).
 */
export const CONVERSATION_FILTERS = ["all", "mine", "unassigned", "unread", "resolved"] as const;
export type ConversationFilter = (typeof CONVERSATION_FILTERS)[number];

export const SEARCH_MAX_LENGTH = 100;
/** pg_trgm indexes need at least one trigram; shorter message searches would scan every message. */
export const MESSAGE_SEARCH_MIN_LENGTH = 3;
