import { clsx } from "clsx";

/** A message for the whole form or page; role=alert so screen readers announce it. */
export function Alert({ tone = "error", children }: { tone?: "error" | "success" | "info"; children: React.ReactNode }) {
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={clsx(
        "rounded-md border px-3 py-2 text-sm",
        tone === "error" && "border-red-200 bg-red-50 text-red-800",
        tone === "success" && "border-emerald-200 bg-emerald-50 text-emerald-800",
        tone === "info" && "border-slate-200 bg-white text-slate-700",
      )}
    >
      {children}
    </div>
  );
}
