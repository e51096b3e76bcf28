import Link from "next/link";

/**
 * What a not-found or forbidden page says: the code, a heading, why, and a way
 * home. Only a heading and text, no landmark: inside the app's shell it sits in
 * the shell's <main>; a page outside the shell wraps it in its own.
 */
export function StatusMessage({ code, title, children }: { code: 403 | 404; title: string; children: React.ReactNode }) {
  return (
    <div className="flex min-h-[60vh] flex-col items-center justify-center gap-4 p-6 text-center">
      <p className="text-sm font-semibold text-brand-700">{code}</p>
      <h1 className="text-3xl font-bold tracking-tight">{title}</h1>
      <div className="max-w-md text-slate-600">{children}</div>
      <Link href="/" className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
        Go to your home page
      </Link>
    </div>
  );
}
