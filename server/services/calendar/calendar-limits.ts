// Limits the calendar's server and its browser side both apply, in a module of
// their own so the browser doesn't load the input schemas (zod) to read them.

/**
 * Up to this many campaigns in a range are drawn as spans; beyond it bars would
 * hide the work under them, so each campaign is shown by its launch day (the
 * date a planner acts on) instead.
 */
export const MAX_SPANS = 12;
