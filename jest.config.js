'use strict';

const ts = ['ts-jest', { tsconfig: 'tsconfig.server.json', diagnostics: false }];

// Unit tests (pure domain code) and integration tests (real Strapi, PostgreSQL, Redis) run in one
// Jest; browser tests live in test/e2e and are selected the same way.
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.tsx?$': ts },
  testMatch: ['<rootDir>/test/**/*.test.ts', '<rootDir>/plugins/*/server/src/**/*.test.ts'],
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/plugins/[^/]+/dist/'],
  testTimeout: 120000,
};
