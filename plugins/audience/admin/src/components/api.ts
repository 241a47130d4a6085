// What the admin import API answers (server/src/services/import.ts).
export type Target = string;
export type Settings = { encoding: string; delimiter: string };

export type Preview = {
  id: string;
  settings: Settings;
  detected: Settings;
  headers: string[];
  rows: string[][];
  mapping: Array<Target | null>;
  targets: Array<{ target: Target; label: string }>;
};

export type ImportJob = {
  id: string;
  state: 'uploaded' | 'queued' | 'staging' | 'applying' | 'done' | 'failed' | 'cancelled';
  fileName: string;
  error: string | null;
  counts: {
    rowsRead: number;
    merged: number;
    staged: number;
    applied: number;
    inserted: number;
    updated: number;
    skipped: number;
    errors: number;
  };
  progress: { percent: number; rowsTotal: number | null };
};

export const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'latin1'];
export const DELIMITERS = [
  { value: ',', label: 'Comma' },
  { value: ';', label: 'Semicolon' },
  { value: '\t', label: 'Tab' },
  { value: '|', label: 'Bar' },
];
export const CONSENT_BASES = [
  { value: 'consent', label: 'They consented (active)' },
  { value: 'legitimate-interest', label: 'Legitimate interest (active)' },
  { value: 'contract', label: 'Contract (active)' },
  { value: 'none', label: 'No recorded permission (unconfirmed)' },
];

// The message a refused request carries (the server names what is wrong), or the error's own.
export const messageOf = (err: unknown): string => {
  const response = (err as { response?: { data?: { error?: { message?: string } } } }).response;
  return response?.data?.error?.message ?? (err as Error).message;
};
