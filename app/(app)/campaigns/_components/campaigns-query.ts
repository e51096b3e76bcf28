import { campaignStatuses, campaignTypes, channels } from "@/server/services/campaigns/campaign-labels";
import type { CampaignStatus, CampaignType, Channel } from "@/db/schema/campaigns";
import { campaignSortFields, type ListCampaignsInput, listCampaignsInput } from "@/server/services/campaigns/campaign.schema";
import { isSupportedDay } from "@/server/services/shared/date.schema";

// The campaign list's filters live in the address (?q=&status=&type=&owner=&channel=&from=&to=&sort=&page=),
// so a filtered list can be shared and survives a reload. Unknown values are dropped, not errors.

type Params = { get(name: string): string | null; getAll(name: string): string[] };

const isDay = (value: string | null): value is string => !!value && isSupportedDay(value);
/** Search words the list's schema takes (no control characters, nothing cut in half). */
const searchWords = (value: string | undefined) => (value && listCampaignsInput.shape.search.safeParse(value).success ? value : undefined);
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const pick = <T extends string>(values: readonly T[], wanted: string[]) => wanted.filter((value): value is T => values.includes(value as T));

export const CAMPAIGNS_PAGE_SIZE = 25;

export function campaignsQueryInput(params: Params): ListCampaignsInput {
  const statuses = pick<CampaignStatus>(campaignStatuses, params.getAll("status"));
  const types = pick<CampaignType>(campaignTypes, params.getAll("type"));
  const channel = pick<Channel>(channels, [params.get("channel") ?? ""])[0];
  const owner = params.get("owner");
  const sort = pick(campaignSortFields, [params.get("sort") ?? ""])[0];
  const page = Number(params.get("page"));
  const from = params.get("from");
  const to = params.get("to");
  return {
    search: searchWords(params.get("q")?.trim().slice(0, 120)),
    statuses: statuses.length ? statuses : undefined,
    types: types.length ? types : undefined,
    ownerId: owner && uuidPattern.test(owner) ? owner : undefined,
    channel,
    from: isDay(from) ? from : undefined,
    to: isDay(to) && (!isDay(from) || from <= to) ? to : undefined,
    sort: sort ?? "updated",
    page: Number.isInteger(page) && page > 1 ? Math.min(page, 100_000) : 1,
    pageSize: CAMPAIGNS_PAGE_SIZE,
  };
}

/** Search params of a server page, read like URLSearchParams. */
export function fromRecord(record: Record<string, string | string[] | undefined>): Params {
  const all = (name: string) => {
    const value = record[name];
    return value === undefined ? [] : Array.isArray(value) ? value : [value];
  };
  return { get: (name) => all(name)[0] ?? null, getAll: all };
}

export function hasFilters(input: ListCampaignsInput): boolean {
  return Boolean(input.search || input.statuses || input.types || input.ownerId || input.channel || input.from || input.to);
}
