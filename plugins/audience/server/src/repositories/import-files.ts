import type { Knex } from 'knex';

const CHUNKS = 'herald_import_chunks';

// Uploaded files, kept in PostgreSQL as numbered chunks so that a worker on any machine can read
// them back, one chunk in memory at a time.
export const importFiles = (knex: Knex) => ({
  async store(trx: Knex.Transaction, jobId: string, chunks: AsyncIterable<Buffer>): Promise<void> {
    let seq = 0;
    for await (const data of chunks) await trx(CHUNKS).insert({ job_id: jobId, seq: seq++, data });
  },

  async *read(jobId: string): AsyncGenerator<Buffer> {
    for (let seq = 0; ; seq++) {
      const chunk: { data: Buffer } | undefined = await knex(CHUNKS).where({ job_id: jobId, seq }).first('data');
      if (!chunk) return;
      yield chunk.data;
    }
  },

  remove: (jobId: string) => knex(CHUNKS).where({ job_id: jobId }).delete(),
});
