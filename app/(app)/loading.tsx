export default function Loading() {
  return (
    <div role="status" aria-label="Loading" className="max-w-3xl animate-pulse space-y-4">
      <div className="h-8 w-48 rounded bg-slate-200" />
      <div className="h-4 w-80 rounded bg-slate-200" />
      <div className="h-40 rounded-xl bg-slate-200" />
    </div>
  );
}
