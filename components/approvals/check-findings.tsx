import { clsx } from "clsx";
import { contentCheckKinds, type ContentFinding } from "@/server/services/content-checks";
import { checkKindLabels, severityLabels } from "./approval-words";

const fieldWords = { title: "In the title", body: "In the body", media: "In the images" } as const;

/**
 * What the content checks found, grouped by kind, each saying where it is and
 * what to write instead. Severity is a word beside each finding, not a colour alone.
 */
export function CheckFindings({ findings, headingLevel = 3 }: { findings: readonly ContentFinding[]; headingLevel?: 3 | 4 }) {
  if (findings.length === 0) return <p className="text-sm text-slate-600">The checks found nothing to fix.</p>;
  const Heading = headingLevel === 3 ? "h3" : "h4";
  return (
    <div className="space-y-3">
      {contentCheckKinds
        .map((kind) => ({ kind, found: findings.filter((finding) => finding.check === kind) }))
        .filter(({ found }) => found.length > 0)
        .map(({ kind, found }) => (
          <section key={kind} aria-label={checkKindLabels[kind]}>
            <Heading className="text-sm font-semibold text-slate-800">{checkKindLabels[kind]}</Heading>
            <ul className="mt-1 space-y-1.5">
              {found.map((finding, index) => (
                <li
                  key={index}
                  className={clsx(
                    "rounded-md border-l-4 bg-white px-3 py-2 text-sm",
                    finding.severity === "error" ? "border-red-600" : finding.severity === "warning" ? "border-amber-500" : "border-slate-300",
                  )}
                >
                  <span className={clsx("mr-2 text-xs font-semibold uppercase", finding.severity === "error" ? "text-red-700" : finding.severity === "warning" ? "text-amber-800" : "text-slate-600")}>
                    {severityLabels[finding.severity]}
                  </span>
                  {finding.message}
                  <span className="mt-0.5 block text-xs text-slate-600">
                    {fieldWords[finding.field]}
                    {finding.excerpt && !finding.message.includes(finding.excerpt) && <>: “{finding.excerpt}”</>}
                    {finding.suggestion && !finding.message.includes(finding.suggestion) && <> · Suggestion: {finding.suggestion}</>}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ))}
    </div>
  );
}
