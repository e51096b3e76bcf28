// The content checks of an item as a request records them.
import type { BrandRules } from "@/db/schema/workspaces";
import type { Channel } from "@/db/schema/enum-values";
import { type ContentFinding, hasBlockingFindings, runContentChecks } from "@/server/services/content-checks/run-content-checks";

export function checkContent(
  item: { channel: Channel; title: string; body: string; media: { url: string; alt: string }[] },
  rules: BrandRules,
): { findings: ContentFinding[]; blocking: ContentFinding[] } {
  const findings = runContentChecks(item, rules);
  return { findings, blocking: hasBlockingFindings(findings) ? findings.filter((finding) => finding.severity === "error") : [] };
}
