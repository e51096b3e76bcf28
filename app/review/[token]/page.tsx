import { headers } from "next/headers";
import { Alert } from "@/components/ui/alert";
import { getDb } from "@/db";
import { clientAddress } from "@/server/auth/client-address";
import { env } from "@/server/env";
import { AppError } from "@/server/errors";
import { findReview, type Review } from "@/server/services/approvals/review/find-review";
import { limitReviewLink } from "@/server/services/approvals/review/review-rate-limit";
import { channelLabels } from "@/server/services/campaigns/campaign-labels";
import { ReviewForm } from "./_components/review-form";

export const metadata = { title: "Review", robots: { index: false, follow: false } };

/** Reads only: a link scanner opening it changes nothing. */
async function load(token: string): Promise<Review> {
  const db = await getDb();
  try {
    await limitReviewLink(db, clientAddress(await headers(), env.TRUST_PROXY));
  } catch (error) {
    if (error instanceof AppError) return { state: "invalid", message: error.message };
    throw error;
  }
  return findReview(db, { token });
}

// Outside the signed-in app: whoever holds the emailed link (an external reviewer too) sees the item asked about, and nothing else of the workspace.
export default async function ReviewPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const review = await load(token);

  return (
    <main className="flex min-h-screen flex-col items-center px-4 py-10">
      <div className="w-full max-w-2xl rounded-xl border border-slate-200 bg-white p-5 shadow-sm sm:p-8">
        {review.state !== "open" ? (
          <>
            <h1 className="mb-4 text-2xl font-bold tracking-tight">Review</h1>
            <Alert tone={review.state === "decided" ? "success" : "error"}>{review.message}</Alert>
          </>
        ) : (
          <>
            <p className="text-sm text-slate-600">
              {review.item.requesterName} asks for your approval
            </p>
            <h1 className="mt-1 text-2xl font-bold tracking-tight break-words">{review.item.title}</h1>
            <dl className="mt-3 flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-700">
              {review.item.channel && (
                <div className="flex gap-1">
                  <dt className="text-slate-500">Channel:</dt>
                  <dd>{channelLabels[review.item.channel]}</dd>
                </div>
              )}
              <div className="flex gap-1">
                <dt className="text-slate-500">Version:</dt>
                <dd>{review.item.version}</dd>
              </div>
              <div className="flex gap-1">
                <dt className="text-slate-500">Stage:</dt>
                <dd>
                  {review.item.stageName} ({review.item.stageNumber} of {review.item.stageCount})
                </dd>
              </div>
            </dl>
            <section aria-label="The content" className="mt-5 rounded-md border border-slate-200 bg-slate-50 p-4">
              {review.item.body ? (
                <p className="whitespace-pre-wrap break-words text-sm text-slate-900">{review.item.body}</p>
              ) : (
                <p className="text-sm text-slate-500">This version has no text.</p>
              )}
              {review.item.media.length > 0 && (
                <ul className="mt-4 grid gap-3 sm:grid-cols-2">
                  {review.item.media.map((image, index) => (
                    <li key={`${image.url}-${index}`}>
                      <figure>
                        <img src={image.url} alt={image.alt} className="max-h-64 w-full rounded border border-slate-200 bg-white object-contain" />
                        <figcaption className="mt-1 text-xs text-slate-600">{image.alt ? `Image description: ${image.alt}` : "This image has no description."}</figcaption>
                      </figure>
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <h2 className="mb-3 mt-6 text-lg font-semibold">Your decision</h2>
            <p className="mb-4 text-sm text-slate-600">Opening this page decided nothing. Choose below; your decision applies to version {review.item.version} only.</p>
            <ReviewForm token={token} version={review.item.version} />
          </>
        )}
      </div>
    </main>
  );
}
