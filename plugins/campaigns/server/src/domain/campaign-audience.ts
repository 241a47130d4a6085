// Who a campaign goes to. Stored as one JSON object (a top-level JSON array breaks in Strapi 5).
// Ids are documentIds of segments and tags. `all` sends to every active subscriber; otherwise the
// union of the included segments and tags, minus the excluded ones. Only active subscribers ever.
export interface AudienceSelection {
  segments: string[];
  tags: string[];
}

export interface CampaignAudience {
  all: boolean;
  include: AudienceSelection;
  exclude: AudienceSelection;
}

export type AudienceCheck = { ok: true; audience: CampaignAudience } | { ok: false; message: string };

const ids = (value: unknown, where: string): string[] | string => {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v.length > 0)) return `${where} must be a list of documentIds`;
  return [...new Set(value as string[])];
};

const selection = (value: unknown, where: string): AudienceSelection | string => {
  const v = (value ?? {}) as Record<string, unknown>;
  if (typeof v !== 'object' || Array.isArray(v)) return `${where} must be an object`;
  const segments = ids(v.segments, `${where}.segments`);
  if (typeof segments === 'string') return segments;
  const tags = ids(v.tags, `${where}.tags`);
  if (typeof tags === 'string') return tags;
  return { segments, tags };
};

export const parseAudience = (value: unknown): AudienceCheck => {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { ok: false, message: 'audience must be an object' };
  const v = value as Record<string, unknown>;
  const include = selection(v.include, 'audience.include');
  if (typeof include === 'string') return { ok: false, message: include };
  const exclude = selection(v.exclude, 'audience.exclude');
  if (typeof exclude === 'string') return { ok: false, message: exclude };
  const all = v.all === true;
  if (!all && include.segments.length === 0 && include.tags.length === 0) {
    return { ok: false, message: 'audience needs `all: true` or at least one included segment or tag' };
  }
  return { ok: true, audience: { all, include, exclude } };
};
