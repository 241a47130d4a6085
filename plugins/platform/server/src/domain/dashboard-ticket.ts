import { createHmac } from 'node:crypto';
import { safeEqualHex } from './signature';

// A short-lived signed cookie that lets an admin's browser into the queue dashboard, which is
// served outside the admin API (it makes plain fetches without the admin's bearer token).
export const issueTicket = (secret: string, adminId: string, ttlMs: number, now = Date.now()): string => {
  const expires = now + ttlMs;
  const mac = createHmac('sha256', secret).update(`queues.${adminId}.${expires}`).digest('hex');
  return `${adminId}.${expires}.${mac}`;
};

export const ticketIsValid = (secret: string, ticket: string | undefined, now = Date.now()): boolean => {
  const [adminId, expires, mac] = (ticket ?? '').split('.');
  if (!adminId || !expires || !mac || Number(expires) < now) return false;
  return safeEqualHex(createHmac('sha256', secret).update(`queues.${adminId}.${expires}`).digest('hex'), mac);
};
