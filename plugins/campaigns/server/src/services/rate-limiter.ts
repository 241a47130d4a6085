import type { Core } from '@strapi/strapi';
import type Redis from 'ioredis';
import type { CampaignsConfig } from '../domain/campaign-config';

// One token bucket in Redis shared by every worker, counted in messages. BullMQ's own limiter
// counts jobs, and one job here sends a batch of up to 1,000 messages (or a group of single ones),
// so it cannot express "messages per minute". The bucket may go into debt by one batch: a batch
// is taken whole when the bucket is not negative, and later takers wait until it is refilled, so
// the average rate holds at any batch size. A 429 blocks the bucket for every worker at once.
const TAKE = `
local now_parts = redis.call('TIME')
local now = tonumber(now_parts[1]) * 1000 + math.floor(tonumber(now_parts[2]) / 1000)
local rate, burst, wanted = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at', 'blocked')
local blocked = tonumber(state[3]) or 0
if blocked > now then return blocked - now end
local tokens = tonumber(state[1]) or burst
local at = tonumber(state[2]) or now
tokens = math.min(burst, tokens + (now - at) * rate)
if tokens < 0 then
  redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', now)
  return math.ceil(-tokens / rate)
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens - wanted), 'at', now)
redis.call('PEXPIRE', KEYS[1], 3600000)
return 0
`;

const BLOCK = `
local now_parts = redis.call('TIME')
local until_ms = tonumber(now_parts[1]) * 1000 + math.floor(tonumber(now_parts[2]) / 1000) + tonumber(ARGV[1])
local blocked = tonumber(redis.call('HGET', KEYS[1], 'blocked')) or 0
if until_ms > blocked then redis.call('HSET', KEYS[1], 'blocked', until_ms) end
redis.call('PEXPIRE', KEYS[1], 3600000)
return until_ms
`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => (strapi.config.get('herald') as { campaigns: CampaignsConfig }).campaigns;
  const queues = () => strapi.plugin('platform').service('queues');
  const redis = (): Redis => queues().redis();
  const key = () => `${queues().prefix()}:campaigns:rate`;

  return {
    // Waits until `count` messages may go out.
    async take(count: number): Promise<void> {
      const perMs = config().ratePerMinute / 60_000;
      const burst = Math.max(1, config().ratePerMinute / 60); // one second's worth
      for (;;) {
        const waitMs = Number(await redis().eval(TAKE, 1, key(), String(perMs), String(burst), String(count)));
        if (waitMs <= 0) return;
        await sleep(Math.min(waitMs, 1000));
      }
    },

    // The provider said 429: nobody sends for `ms`.
    async block(ms: number): Promise<void> {
      await redis().eval(BLOCK, 1, key(), String(Math.max(1, Math.round(ms))));
    },

    // Largest claim a worker should make, so waiting for its tokens stays well inside its lease.
    maxClaim: (): number =>
      Math.max(1, Math.min(config().batchSize, Math.floor((config().ratePerMinute / 60_000) * (config().leaseMs / 4)))),
  };
};
