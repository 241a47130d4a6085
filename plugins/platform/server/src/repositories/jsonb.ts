// Strapi's PostgreSQL setup hands jsonb columns back as text; parse them where we read our own tables.
export const fromJsonb = <T = unknown>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;
