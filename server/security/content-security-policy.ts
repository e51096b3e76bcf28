// The pages' Content-Security-Policy, made per request with a fresh nonce
// (proxy.ts). Scripts run only when they carry the nonce or were loaded by one
// that did ('strict-dynamic'): Next puts the nonce on its own scripts when it
// finds it in the request's policy, so no inline script an attacker slipped
// into a page can run. Styles keep 'unsafe-inline': React writes style
// attributes and FullCalendar inserts its own <style>, and a nonce in style-src
// would switch 'unsafe-inline' off. FullCalendar's icon font is a data: URL.

export const NONCE_HEADER = "x-nonce";

/** 128 random bits, base64: unguessable, and new for every request. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy({ nonce, development }: { nonce: string; development: boolean }): string {
  return [
    "default-src 'self'",
    // Development only: React rebuilds server error stacks in the browser with eval.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    // A content item's images live where its team keeps them (a CDN, an asset library): the approval
    // previews and the review page show them as the post will. Only over https; an image runs no script.
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
