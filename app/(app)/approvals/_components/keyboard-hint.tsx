/** The queue's shortcuts, always on the page so nobody has to guess them (from tablet width up: a phone has no keys to press). */
export function KeyboardHint() {
  const keys: [string, string][] = [
    ["j", "next"],
    ["k", "previous"],
    ["a", "approve"],
    ["r", "request changes"],
  ];
  return (
    <details className="hidden rounded-md border border-slate-200 bg-white px-3 py-2 text-sm text-slate-700 sm:block" open>
      <summary className="cursor-pointer font-medium">Keyboard shortcuts</summary>
      <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
        {keys.map(([key, what]) => (
          <li key={key}>
            <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 font-mono text-xs">{key}</kbd> {what}
          </li>
        ))}
      </ul>
      <p className="mt-1 text-xs text-slate-600">Not while typing in a field. After a, press Enter to confirm.</p>
    </details>
  );
}
