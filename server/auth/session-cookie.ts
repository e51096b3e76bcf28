// Auth.js's session cookie: `authjs.session-token` over http, `__Secure-authjs.session-token`
// over https, split into `.0`, `.1`, … when the token outgrows one cookie.
const SESSION_COOKIE_NAME = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

export function isSessionCookie(name: string): boolean {
  return SESSION_COOKIE_NAME.test(name);
}
