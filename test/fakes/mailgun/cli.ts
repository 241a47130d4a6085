// Standalone fake Mailgun for manual trials: npm run fake:mailgun
// Env: FAKE_MAILGUN_PORT (4010), FAKE_MAILGUN_HOST, FAKE_MAILGUN_API_KEY, FAKE_MAILGUN_SIGNING_KEY.
import { runStandalone, timestamped } from '../cli-support';
import { startFakeMailgun } from './server';

runStandalone(
  () =>
    startFakeMailgun({
      port: Number(process.env.FAKE_MAILGUN_PORT ?? 4010),
      host: process.env.FAKE_MAILGUN_HOST,
      apiKey: process.env.FAKE_MAILGUN_API_KEY,
      signingKey: process.env.FAKE_MAILGUN_SIGNING_KEY,
      log: timestamped,
    }),
  (fake) => [
    `Fake Mailgun listening on ${fake.url}`,
    `  api key:     ${fake.apiKey} (basic auth user "api")`,
    `  signing key: ${fake.signingKey}`,
  ]
);
