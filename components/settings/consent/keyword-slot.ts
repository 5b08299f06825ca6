/** Stands for the first opt-in keyword in the confirmation template the consent page hands its form. */
export const KEYWORD_SLOT = "__PARLEY_OPT_IN_KEYWORD__";
