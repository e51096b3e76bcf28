import { getDb } from "@/db";
import { renderCalendarFeed } from "@/server/services/calendar-feeds/render-calendar-feed";

// A person's private calendar feed, fetched by calendar apps without a session:
// the token in the address is the credential.
export const dynamic = "force-dynamic";

const notFound = () => new Response("This calendar link doesn't exist or has been turned off.", { status: 404, headers: { "Cache-Control": "no-store" } });

export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token: file } = await params;
  const token = /^([A-Za-z0-9_-]{1,100})\.ics$/.exec(file)?.[1];
  if (!token) return notFound();
  const body = await renderCalendarFeed(await getDb(), { token });
  if (body === null) return notFound();
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="crescendo.ics"',
      // Private to whoever holds the link; calendar apps poll it.
      "Cache-Control": "private, no-store",
    },
  });
}
