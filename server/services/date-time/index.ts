// Dates, times, numbers and money as people read them: one module for pages,
// client components and emails alike. Pure (no Node or browser APIs), so it sits
// below every layer that writes text for people.
export * from "./format";
export * from "./locales";
export * from "./viewer";
