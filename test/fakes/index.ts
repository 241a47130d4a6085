export { FaultQueue, type FaultSpec } from './faults';
export { startFakeMailgun, type FakeMailgun, type FakeMailgunOptions } from './mailgun/server';
export { MAX_RECIPIENTS, type FakeCall, type FakeDelivery, type RecipientVariables } from './mailgun/message';
export type { FormFile } from './mailgun/multipart';
export type { InboundMessage, MailgunSignature, MailgunWebhookEvent, SigningOptions } from './mailgun/webhooks';
export type { PostResult } from './http';
export { startFakeOpenAI, type FakeOpenAI, type FakeOpenAIOptions } from './openai/server';
export { FAKE_MODEL, type ChatMessage, type ChatRequest, type Responder } from './openai/completions';
