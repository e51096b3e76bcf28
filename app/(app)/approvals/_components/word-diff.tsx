import type { DiffPart } from "@/server/services/content/diff-content-versions";

/**
 * A word diff: added words underlined in green, removed ones struck through in
 * red, each also named for screen readers ("added", "removed"), so the change
 * does not rest on colour alone.
 */
export function WordDiff({ parts }: { parts: DiffPart[] }) {
  return (
    <p className="whitespace-pre-wrap break-words text-sm text-slate-900">
      {parts.map((part, index) =>
        part.added ? (
          <ins key={index} className="bg-emerald-50 text-emerald-900 underline decoration-2">
            <span className="sr-only">[added: </span>
            {part.value}
            <span className="sr-only">]</span>
          </ins>
        ) : part.removed ? (
          <del key={index} className="bg-red-50 text-red-800 line-through">
            <span className="sr-only">[removed: </span>
            {part.value}
            <span className="sr-only">]</span>
          </del>
        ) : (
          <span key={index}>{part.value}</span>
        ),
      )}
    </p>
  );
}
