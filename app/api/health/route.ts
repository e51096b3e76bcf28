import { getDb } from "@/db";
import { checkHealth } from "@/server/services/health/check-health";

export const dynamic = "force-dynamic";

/** For load balancers and uptime checks: 200 when the database answers, else 503. */
export async function GET() {
  const { httpStatus, body } = await checkHealth(getDb);
  return Response.json(body, { status: httpStatus, headers: { "Cache-Control": "no-store" } });
}
