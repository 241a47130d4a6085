import subscriberSchema from '../content-types/subscriber/schema.json';
import tagSchema from '../content-types/tag/schema.json';
import { DELIMITERS, ENCODINGS, type Delimiter, type Encoding } from './csv-detect';
import type { FieldDefinition } from './field-values';
import { mappingProblems, type Mapping } from './import-mapping';
import { CONSENT_BASES, IMPORT_MODES, defaultStatusFor, type ConsentBasis, type ImportMode } from './import-plan';

export type ImportOptions = {
  mapping: Mapping;
  mode: ImportMode;
  consentBasis: ConsentBasis;
  // Status of new subscribers whose row has none.
  status: string;
  // Tags for every imported row, as documentIds or names (names that do not exist yet are created).
  tags: string[];
};

export type CsvSettings = { encoding: Encoding; delimiter: Delimiter };

const MAX_TAGS = 20;
const STATUSES: readonly string[] = subscriberSchema.attributes.status.enum;

const oneOf = <T extends string>(value: unknown, allowed: readonly T[]): value is T => allowed.includes(value as T);

// Encoding and delimiter chosen by the admin (query of a preview, body of a start) over the detected ones.
export const parseSettings = (input: Record<string, unknown>, detected: CsvSettings): CsvSettings | { problems: string[] } => {
  const problems: string[] = [];
  const { encoding = detected.encoding, delimiter = detected.delimiter } = input;
  if (!oneOf(encoding, ENCODINGS)) problems.push(`encoding must be one of ${ENCODINGS.join(', ')}`);
  if (!oneOf(delimiter, DELIMITERS)) problems.push(`delimiter must be one of ${DELIMITERS.map((d) => JSON.stringify(d)).join(', ')}`);
  return oneOf(encoding, ENCODINGS) && oneOf(delimiter, DELIMITERS) ? { encoding, delimiter } : { problems };
};

// The body of "start this import", checked field by field so a 400 can name everything wrong at once.
export const parseStart = (
  input: Record<string, unknown>,
  headers: string[],
  definitions: FieldDefinition[]
): { options: ImportOptions } | { problems: string[] } => {
  const problems = mappingProblems(input.mapping, headers, definitions);
  if (!oneOf(input.mode, IMPORT_MODES)) problems.push(`mode must be one of ${IMPORT_MODES.join(', ')}`);
  if (!oneOf(input.consentBasis, CONSENT_BASES)) problems.push(`consentBasis must be one of ${CONSENT_BASES.join(', ')}`);
  const basis = oneOf(input.consentBasis, CONSENT_BASES) ? input.consentBasis : 'none';
  const status = input.status ?? defaultStatusFor(basis);
  if (!oneOf(status, STATUSES)) problems.push(`status must be one of ${STATUSES.join(', ')}`);
  else if (status === 'active' && basis === 'none') problems.push('status active needs a consentBasis other than none');
  const tags = input.tags ?? [];
  const tagMax = tagSchema.attributes.name.maxLength;
  if (
    !Array.isArray(tags) ||
    tags.length > MAX_TAGS ||
    tags.some((t) => typeof t !== 'string' || t.trim() === '' || t.trim().length > tagMax)
  ) {
    problems.push(`tags must be a list of at most ${MAX_TAGS} tag documentIds or names (1 to ${tagMax} characters)`);
  }
  if (problems.length) return { problems };
  return {
    options: {
      mapping: input.mapping as Mapping,
      mode: input.mode as ImportMode,
      consentBasis: basis,
      status: status as string,
      tags: [...new Set((tags as string[]).map((t) => t.trim()))],
    },
  };
};
