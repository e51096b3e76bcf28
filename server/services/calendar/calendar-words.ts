import type { Channel } from "@/db/schema/campaigns";

// How conflict messages name days and items. Days are formatted in UTC because
// they are calendar days ("2026-03-10"), not instants.

const dayFormat = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" });

/** "Tue 10 Mar" for "2026-03-10". */
export function formatDay(day: string): string {
  return dayFormat.format(new Date(`${day}T00:00:00Z`));
}

const channelNouns: Record<Channel, [one: string, many: string]> = {
  email: ["email", "emails"],
  linkedin: ["LinkedIn post", "LinkedIn posts"],
  x: ["X post", "X posts"],
  instagram: ["Instagram post", "Instagram posts"],
  facebook: ["Facebook post", "Facebook posts"],
  pinterest: ["Pinterest pin", "Pinterest pins"],
  blog: ["blog post", "blog posts"],
  ad: ["ad", "ads"],
};

/** "4 LinkedIn posts", "1 email". */
export function countItems(channel: Channel, count: number): string {
  const [one, many] = channelNouns[channel];
  return `${count} ${count === 1 ? one : many}`;
}

/** "A", "A and B", "A, B and C", "A, B, C and 4 more". */
export function listNames(names: string[], max = 3): string {
  const shown = names.length > max ? [...names.slice(0, max), `${names.length - max} more`] : names;
  return shown.length <= 1 ? (shown[0] ?? "") : `${shown.slice(0, -1).join(", ")} and ${shown.at(-1)}`;
}
