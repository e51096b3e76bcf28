// An email body as text, with its web addresses as links people can open (the
// outbox stands in for an inbox, so an invitation link must be clickable there).

const WEB_ADDRESS = /\bhttps?:\/\/[^\s<>"']+/g;
// Punctuation that ends a sentence is not part of the address before it.
const TRAILING = /[.,;:!?)\]]+$/;

/** `text` with every http(s) address turned into a link; everything else stays plain text. */
export function LinkedText({ text }: { text: string }) {
  const parts: React.ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(WEB_ADDRESS)) {
    const url = match[0].replace(TRAILING, "");
    const start = match.index;
    if (start > last) parts.push(text.slice(last, start));
    parts.push(
      <a key={start} href={url} className="break-all text-brand-700 underline hover:text-brand-800">
        {url}
      </a>,
    );
    last = start + url.length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return <>{parts}</>;
}
