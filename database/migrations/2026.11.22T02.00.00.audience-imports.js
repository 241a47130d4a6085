'use strict';

// CSV imports of subscribers. A job row carries the state machine and every counter; the uploaded
// file lives in PostgreSQL as 1 MiB chunks so any worker on any machine can stream it back. Parsed
// rows are staged (one row per address: duplicates inside the file merge on the primary key), then
// applied in batches claimed with SKIP LOCKED; each batch commits with its writes, so a crash
// resumes from the last committed batch without duplicating or skipping anything.
module.exports = {
  async up(knex) {
    await knex.raw(`
      CREATE TABLE IF NOT EXISTS herald_import_jobs (
        id bigserial PRIMARY KEY,
        state text NOT NULL DEFAULT 'uploaded'
          CHECK (state IN ('uploaded', 'queued', 'staging', 'applying', 'done', 'failed', 'cancelled')),
        file_name text NOT NULL,
        file_size bigint NOT NULL,
        encoding text NOT NULL,
        bom boolean NOT NULL DEFAULT false,
        delimiter text NOT NULL,
        headers jsonb NOT NULL DEFAULT '[]'::jsonb,
        options jsonb,
        created_by_id text,
        created_by_label text,
        rows_read integer NOT NULL DEFAULT 0,
        bytes_read bigint NOT NULL DEFAULT 0,
        staged integer NOT NULL DEFAULT 0,
        merged integer NOT NULL DEFAULT 0,
        applied integer NOT NULL DEFAULT 0,
        inserted integer NOT NULL DEFAULT 0,
        updated integer NOT NULL DEFAULT 0,
        skipped integer NOT NULL DEFAULT 0,
        error_rows integer NOT NULL DEFAULT 0,
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz
      );
      CREATE INDEX IF NOT EXISTS herald_import_jobs_recent_idx ON herald_import_jobs (created_at DESC, id DESC);
      CREATE INDEX IF NOT EXISTS herald_import_jobs_creator_idx ON herald_import_jobs (created_by_id, started_at DESC);
      CREATE INDEX IF NOT EXISTS herald_import_jobs_unfinished_idx ON herald_import_jobs (id)
        WHERE state IN ('queued', 'staging', 'applying');

      -- The file as uploaded. STORAGE EXTERNAL: no TOAST compression, so storing 100 MB stays cheap.
      CREATE TABLE IF NOT EXISTS herald_import_chunks (
        job_id bigint NOT NULL REFERENCES herald_import_jobs (id) ON DELETE CASCADE,
        seq integer NOT NULL,
        data bytea NOT NULL,
        PRIMARY KEY (job_id, seq)
      );
      ALTER TABLE herald_import_chunks ALTER COLUMN data SET STORAGE EXTERNAL;

      -- Valid rows, one per address. No foreign key: a million inserts should not each probe the job
      -- table, and the runner deletes a job's rows when the job ends. "C" collation: batches are
      -- ranges of addresses, and byte order is the cheapest to compare.
      CREATE TABLE IF NOT EXISTS herald_import_rows (
        job_id bigint NOT NULL,
        email text COLLATE "C" NOT NULL,
        row_number integer NOT NULL,
        first_name text,
        last_name text,
        status text,
        time_zone text,
        language text,
        fields jsonb NOT NULL DEFAULT '{}'::jsonb,
        tags jsonb NOT NULL DEFAULT '[]'::jsonb,
        PRIMARY KEY (job_id, email)
      );

      -- Ranges of staged addresses, each written in one transaction that also sets done_at.
      CREATE TABLE IF NOT EXISTS herald_import_batches (
        job_id bigint NOT NULL REFERENCES herald_import_jobs (id) ON DELETE CASCADE,
        batch_no integer NOT NULL,
        first_email text COLLATE "C" NOT NULL,
        last_email text COLLATE "C" NOT NULL,
        row_count integer NOT NULL,
        done_at timestamptz,
        PRIMARY KEY (job_id, batch_no)
      );

      -- The downloadable report: one line per problem; the key makes a replayed batch add nothing.
      CREATE TABLE IF NOT EXISTS herald_import_errors (
        job_id bigint NOT NULL REFERENCES herald_import_jobs (id) ON DELETE CASCADE,
        row_number integer NOT NULL,
        column_name text NOT NULL,
        value text,
        reason text NOT NULL,
        PRIMARY KEY (job_id, row_number, column_name)
      );
    `);
  },
};
