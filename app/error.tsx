"use client";

import { Button } from "@/components/ui/button";

/** Shown when a page fails to render; the details go to the server log, not to the person. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center gap-4 p-6 text-center">
      <h1 className="text-2xl font-bold tracking-tight">Something went wrong on our side</h1>
      <p className="max-w-md text-slate-600">
        Your work is saved. Try again, and if it keeps happening, let your workspace admin know.
      </p>
      <Button onClick={reset}>Try again</Button>
    </main>
  );
}
