/** Per-connection message rate: a token bucket (burst, then a steady rate), and the size limits. */

/** The largest WebSocket message (a 5 MB paste as one update fits with room to spare). */
export const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
/** The largest JSON body of an API request (a shared document). */
export const MAX_BODY_BYTES = 32 * 1024 * 1024 + 64 * 1024;

export type RateLimit = { burst: number; perSecond: number };
/** Typing is a few messages a second, cursors a few more; a client far above this is misbehaving. */
export const DEFAULT_RATE: RateLimit = { burst: 600, perSecond: 200 };

export class TokenBucket {
  private tokens: number;
  private at: number;
  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = limit.burst;
    this.at = now();
  }
  /** Takes one token; false when the bucket is empty. */
  take(): boolean {
    const t = this.now();
    this.tokens = Math.min(this.limit.burst, this.tokens + ((t - this.at) / 1000) * this.limit.perSecond);
    this.at = t;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
