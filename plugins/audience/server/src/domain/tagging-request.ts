// A bulk tagging request: add or remove tags (names or documentIds) for listed subscribers or a segment.
export type TaggingTarget = { documentIds: string[] } | { segment: string };
export type TaggingRequest = { action: 'add' | 'remove'; tags: string[]; target: TaggingTarget };

export const MAX_TAGS = 100;
export const MAX_DOCUMENT_IDS = 100_000;

const isTextList = (value: unknown, max: number): value is string[] =>
  Array.isArray(value) && value.length >= 1 && value.length <= max && value.every((v) => typeof v === 'string' && v.trim() !== '');

export const parseTaggingRequest = (body: unknown): { ok: true; request: TaggingRequest } | { ok: false; message: string } => {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { ok: false, message: 'the body must be a JSON object' };
  const { action, tags, target } = body as Record<string, unknown>;
  if (action !== 'add' && action !== 'remove') return { ok: false, message: 'action must be "add" or "remove"' };
  if (!isTextList(tags, MAX_TAGS)) return { ok: false, message: `tags must be a list of 1 to ${MAX_TAGS} tag names or documentIds` };
  const names = [...new Set(tags.map((t) => t.trim()))];
  if (typeof target !== 'object' || target === null || Array.isArray(target)) {
    return { ok: false, message: 'target must be {documentIds: [...]} or {segment: documentId}' };
  }
  const { documentIds, segment } = target as Record<string, unknown>;
  if (documentIds !== undefined && segment !== undefined)
    return { ok: false, message: 'target must name documentIds or a segment, not both' };
  if (segment !== undefined) {
    if (typeof segment !== 'string' || segment.trim() === '') return { ok: false, message: 'target.segment must be a segment documentId' };
    return { ok: true, request: { action, tags: names, target: { segment: segment.trim() } } };
  }
  if (!isTextList(documentIds, MAX_DOCUMENT_IDS)) {
    return { ok: false, message: `target.documentIds must be a list of 1 to ${MAX_DOCUMENT_IDS} subscriber documentIds` };
  }
  return { ok: true, request: { action, tags: names, target: { documentIds: [...new Set(documentIds)] } } };
};
