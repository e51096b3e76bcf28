// The content checks' public face, for `@/server/services/content-checks`.
export { hasBlockingFindings, runContentChecks, contentCheckKinds } from "./run-content-checks";
export type { ContentCheckDraft, ContentCheckKind, ContentFinding, ContentFindingSeverity } from "./run-content-checks";
export { measureReadability } from "./readability";
