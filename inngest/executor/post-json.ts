// How the executor POSTs a call to a serve endpoint. By default through
// node:http(s) on keep-alive sockets: every step of every run is such a call,
// and this path costs well under what fetch does (its web streams and
// promises) per call. A `fetch` given in the options is used as is instead.
import http from "node:http";
import https from "node:https";

export interface PostResponse {
  status: number;
  statusText: string;
  header(name: string): string | null;
  text: string;
}

/** Rejects when no answer came (refused, reset, timed out): the caller cannot tell whether the call ran. */
export type PostJson = (url: URL, body: string, headers: Record<string, string>, timeoutMs: number) => Promise<PostResponse>;

export function fetchPoster(fetchImpl: typeof fetch): PostJson {
  return async (url, body, headers, timeoutMs) => {
    const response = await fetchImpl(url, { method: "POST", headers, body, signal: AbortSignal.timeout(timeoutMs) });
    const text = await response.text();
    return { status: response.status, statusText: response.statusText, header: (name) => response.headers.get(name), text };
  };
}

export function nodePoster(): PostJson {
  const agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };
  return (url, body, headers, timeoutMs) =>
    new Promise<PostResponse>((resolve, reject) => {
      const secure = url.protocol === "https:";
      const request = (secure ? https : http).request(
        url,
        {
          method: "POST",
          agent: secure ? agents.https : agents.http,
          headers: { ...headers, "content-length": Buffer.byteLength(body) },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("error", reject);
          response.on("end", () => {
            clearTimeout(timer);
            resolve({
              status: response.statusCode ?? 0,
              statusText: response.statusMessage ?? "",
              header(name) {
                const value = response.headers[name.toLowerCase()];
                return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
              },
              text: Buffer.concat(chunks).toString("utf8"),
            });
          });
        },
      );
      const timer = setTimeout(() => request.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      request.on("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
      request.end(body);
    });
}
