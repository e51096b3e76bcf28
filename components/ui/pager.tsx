import Link from "next/link";

/** "26–50 of 120 campaigns", with links to the pages before and after (the page lives in the address). */
export function Pager({
  page,
  pageCount,
  first,
  shown,
  total,
  noun,
  href,
}: {
  page: number;
  pageCount: number;
  /** The number of the first row shown (1-based). */
  first: number;
  shown: number;
  total: number;
  noun: { one: string; many: string };
  href: (page: number) => string;
}) {
  const linkClass = "rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50";
  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-2 text-sm text-slate-600">
      <p>
        {first}–{first + shown - 1} of {total} {total === 1 ? noun.one : noun.many}
      </p>
      <div className="flex items-center gap-3">
        {page > 1 && (
          <Link href={href(page - 1)} className={linkClass}>
            Previous page
          </Link>
        )}
        <span>
          Page {page} of {pageCount}
        </span>
        {page < pageCount && (
          <Link href={href(page + 1)} className={linkClass}>
            Next page
          </Link>
        )}
      </div>
    </nav>
  );
}
