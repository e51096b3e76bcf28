// PUT /api/inngest, as anyone on the network can send it: only the executor's
// signed in-band sync gets the function list; everything else is a bare 401.
import { NextRequest } from "next/server";
import { describe, expect, test } from "vitest";
import { fetchAppFunctions } from "@/inngest/executor/sync";
import { canonicalBody, signatureHeader } from "@/inngest/executor/signing";
import { embeddedSigningKey } from "@/inngest/keys";
import { PUT } from "./route";

const URL_ = "http://127.0.0.1:3000/api/inngest";

function put(headers: Record<string, string> = {}, body?: string) {
  return PUT(new NextRequest(URL_, { method: "PUT", headers, body }), { params: Promise.resolve({}) });
}

describe("PUT /api/inngest", () => {
  test("an unsigned plain PUT answers 401 and says nothing inside", async () => {
    for (const response of [
      await put(),
      await put({ "content-type": "application/json" }, "{}"),
      // Out-of-band with a made-up signature: the SDK would try to register itself with the engine.
      await put({ "x-inngest-signature": "t=1&s=00" }),
      // In band but without the body the SDK needs before it checks the signature.
      await put({ "x-inngest-signature": "t=1&s=00", "x-inngest-sync-kind": "in_band" }),
    ]) {
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ message: "Unauthorized" });
    }
  });

  test("an in-band sync with a wrong signature is refused the same way", async () => {
    const body = canonicalBody({ url: URL_ });
    const response = await put(
      { "content-type": "application/json", "x-inngest-sync-kind": "in_band", "x-inngest-signature": signatureHeader(body, "signkey-prod-00ff") },
      body,
    );
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ message: "Unauthorized" });
  });

  test("the embedded executor's signed sync still gets the functions", async () => {
    const app = await fetchAppFunctions(URL_, embeddedSigningKey(), (input, init) => PUT(new NextRequest(String(input), init as never), {}));
    expect(app.appId).toBe("crescendo");
    expect(app.functions.length).toBeGreaterThan(0);
  });
});
