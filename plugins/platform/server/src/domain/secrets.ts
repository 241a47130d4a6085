// Secrets that must be set, and not left at a published placeholder, before a production boot.
export const REQUIRED_SECRETS = [
  'APP_KEYS',
  'ADMIN_JWT_SECRET',
  'JWT_SECRET',
  'API_TOKEN_SALT',
  'TRANSFER_TOKEN_SALT',
  'ENCRYPTION_KEY',
  'HERALD_SIGNING_SECRET',
] as const;

// Values seen in Strapi's templates and our own .env.example: never acceptable in production.
const PLACEHOLDERS = /^(tobemodified\d*|changeme|change-me|secret|default|toBeModified\d*|replace-me|example)$/i;

export const secretProblems = (env: NodeJS.ProcessEnv): string[] => {
  const problems: string[] = [];
  for (const name of REQUIRED_SECRETS) {
    const value = env[name];
    if (!value) {
      problems.push(`${name} is not set`);
      continue;
    }
    const parts = name === 'APP_KEYS' ? value.split(',') : [value];
    if (parts.some((p) => PLACEHOLDERS.test(p.trim()) || p.trim().length < 16)) {
      problems.push(`${name} holds a default or too short value (need 16+ random characters)`);
    }
  }
  return problems;
};
