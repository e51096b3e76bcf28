"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";

/** Changes the page's address (its filters, view or page) in place, without scrolling or a new history entry. */
export function useAddress() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  return function update(change: (params: URLSearchParams) => void) {
    const params = new URLSearchParams(searchParams);
    change(params);
    const query = params.toString();
    router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
  };
}
