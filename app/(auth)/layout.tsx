import Link from "next/link";
import { RememberTimeZone } from "@/components/remember-time-zone";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      {/* The first page after signing in is then written in the browser's zone. */}
      <RememberTimeZone />
      <Link href="/" className="mb-8 flex items-center gap-2 text-xl font-bold tracking-tight text-slate-900">
        <img src="/icon.svg" alt="" width={32} height={32} />
        Crescendo
      </Link>
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">{children}</div>
    </main>
  );
}
