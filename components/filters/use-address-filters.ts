"use client";

import { useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";
import { useAddress } from "./use-address";

/**
 * A list's filters kept in the address: `set` one, `update` several, each going
 * back to the first page; and the search box's text, sent after a short pause
 * rather than on every key (`q`), which follows the address when it changes under
 * the box ("Clear filters", back and forward).
 */
export function useAddressFilters() {
  const searchParams = useSearchParams();
  const address = useAddress();
  const addressSearch = searchParams.get("q") ?? "";
  const [search, setSearch] = useState(addressSearch);
  const [seenSearch, setSeenSearch] = useState(addressSearch);
  if (addressSearch !== seenSearch) {
    setSeenSearch(addressSearch);
    if (addressSearch !== search.trim()) setSearch(addressSearch);
  }

  const update = (change: (params: URLSearchParams) => void) =>
    address((params) => {
      change(params);
      params.delete("page");
    });
  const set = (name: string, value: string) => update((params) => (value ? params.set(name, value) : params.delete(name)));

  useEffect(() => {
    if (search === addressSearch) return;
    const timer = setTimeout(() => set("q", search.trim()), 300);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [search]);

  return { searchParams, search, setSearch, set, update, submitSearch: () => set("q", search.trim()) };
}
