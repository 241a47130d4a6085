import { stringify } from 'csv-stringify/sync';
import type { TestHerald } from './app';
import { waitFor } from './wait';

// CSV text for tests, written by the same well-kept library the error report uses.
export const csvText = (rows: Array<Array<string | number>>, delimiter = ','): string => stringify(rows, { delimiter });

// The admin import API, as the admin panel calls it.
export const importApi = (app: TestHerald, token: string) => {
  const auth = { authorization: `Bearer ${token}` };
  const api = {
    upload: (content: Buffer | string, fileName = 'people.csv') =>
      app
        .http()
        .post('/audience/imports')
        .set(auth)
        .attach('file', Buffer.isBuffer(content) ? content : Buffer.from(content), fileName),
    preview: (id: string, query: Record<string, string> = {}) => app.http().get(`/audience/imports/${id}/preview`).set(auth).query(query),
    start: (id: string, body: object) => app.http().post(`/audience/imports/${id}/start`).set(auth).send(body),
    show: (id: string) => app.http().get(`/audience/imports/${id}`).set(auth),
    cancel: (id: string) => app.http().post(`/audience/imports/${id}/cancel`).set(auth),
    errors: (id: string) => app.http().get(`/audience/imports/${id}/errors.csv`).set(auth),
    // Waits until the job is done, failed or cancelled, and returns it.
    async finished(id: string, timeoutMs = 60_000) {
      let job = (await api.show(id)).body;
      await waitFor(
        async () => {
          job = (await api.show(id)).body;
          return ['done', 'failed', 'cancelled'].includes(job.state);
        },
        timeoutMs,
        `import ${id} to finish`
      );
      return job;
    },
  };
  return api;
};
