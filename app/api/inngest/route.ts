// The serve endpoint Inngest (or the embedded executor) calls to run functions.
import type { NextRequest } from "next/server";
import { serve } from "inngest/next";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest";
import { isUnsignedSync, unauthorized } from "./unsigned-sync";

export const dynamic = "force-dynamic";

const handlers = serve({ client: inngest, functions });

export const { GET, POST } = handlers;

export async function PUT(request: NextRequest, context: unknown): Promise<Response> {
  if (await isUnsignedSync(request)) return unauthorized();
  return handlers.PUT(request, context);
}
