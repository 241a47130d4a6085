import type { TestHerald } from './app';

export const ACTIVE_ONLY = { type: 'group', match: 'all', children: [{ type: 'status', operator: 'is', value: 'active' }] };

// Saves a segment through the REST API, as an integration would; returns its documentId.
export const createSegment = async (app: TestHerald, token: string, name: string, rules: object = ACTIVE_ONLY): Promise<string> => {
  const res = await app
    .http()
    .post('/api/segments/segments')
    .set('authorization', `Bearer ${token}`)
    .send({ data: { name, rules } })
    .expect(201);
  return res.body.data.documentId;
};
