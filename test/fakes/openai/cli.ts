// Standalone fake OpenAI for manual trials: npm run fake:openai
// Env: FAKE_OPENAI_PORT (4011), FAKE_OPENAI_HOST, FAKE_OPENAI_API_KEY.
import { runStandalone, timestamped } from '../cli-support';
import { startFakeOpenAI } from './server';

runStandalone(
  () =>
    startFakeOpenAI({
      port: Number(process.env.FAKE_OPENAI_PORT ?? 4011),
      host: process.env.FAKE_OPENAI_HOST,
      apiKey: process.env.FAKE_OPENAI_API_KEY,
      log: timestamped,
    }),
  (fake) => [`Fake OpenAI listening on ${fake.url} (client baseURL ${fake.url}/v1)`, `  api key: ${fake.apiKey}`]
);
