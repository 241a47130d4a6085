import type { IncomingMessage, ServerResponse } from 'node:http';
import { drain, resetConnection, sendJson } from './http';

/**
 * A misbehaviour to inject. `times` (default Infinity) is how many consecutive requests it affects;
 * queued faults apply in FIFO order, so `fault(a, times 1); fault(b, times 2)` gives a, b, b, then normal.
 */
export type FaultSpec =
  /** Answer with this status instead of processing. 429 gets `Retry-After` (seconds, default 1). */
  | { kind: 'status'; status: number; times?: number; body?: object; retryAfter?: number }
  /** Wait before processing; if the client gives up meanwhile, nothing is recorded. */
  | { kind: 'slow'; delayMs: number; times?: number }
  /** Read the request, then drop the connection: nothing recorded, client gets a network error. */
  | { kind: 'reset'; times?: number }
  /** Process and record the request, then drop the connection: done server-side, but the client sees an error. */
  | { kind: 'accept-then-reset'; times?: number };

export class FaultQueue {
  private queue: Array<{ spec: FaultSpec; left: number }> = [];

  add(spec: FaultSpec): void {
    const left = spec.times ?? Infinity;
    if (!(left >= 1)) throw new RangeError(`fault times must be >= 1, got ${String(spec.times)}`);
    this.queue.push({ spec, left });
  }

  /** Takes the fault for the request that just arrived, if any. */
  next(): FaultSpec | undefined {
    const head = this.queue[0];
    if (!head) return undefined;
    head.left -= 1;
    if (head.left <= 0) this.queue.shift();
    return head.spec;
  }

  clear(): void {
    this.queue = [];
  }
}

export interface FaultContext {
  delay(ms: number): Promise<void>;
  /** The service's own error body for a status fault without an explicit body. */
  errorBody(status: number): object;
}

/**
 * Applies the part of a fault that happens before the request is processed and returns true when
 * the request is finished with. 'accept-then-reset' is left to the caller, which must process first.
 */
export async function applyFault(
  fault: FaultSpec | undefined,
  req: IncomingMessage,
  res: ServerResponse,
  ctx: FaultContext
): Promise<boolean> {
  switch (fault?.kind) {
    case 'slow':
      await ctx.delay(fault.delayMs);
      return req.socket.destroyed;
    case 'status': {
      await drain(req);
      const retryAfter = fault.retryAfter ?? (fault.status === 429 ? 1 : undefined);
      sendJson(
        res,
        fault.status,
        fault.body ?? ctx.errorBody(fault.status),
        retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) }
      );
      return true;
    }
    case 'reset':
      await drain(req);
      resetConnection(req);
      return true;
    default:
      return false;
  }
}

/** Short label for logs. */
export function describeFault(fault: FaultSpec | undefined): string {
  if (fault?.kind === 'status') return `status ${fault.status}`;
  if (fault?.kind === 'slow') return `slow ${fault.delayMs}ms, client gave up`;
  return fault?.kind ?? 'none';
}
