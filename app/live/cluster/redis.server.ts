import { Redis } from "ioredis";

/**
 * A Redis connection for the cluster (docs/decisions/036, 037). Commands fail after a short wait
 * instead of queueing forever: a lease renewal that cannot reach Redis must be seen to fail.
 */
export function connectRedis(url: string, name: string): Redis {
  return new Redis(url, {
    connectionName: name,
    maxRetriesPerRequest: 2,
    enableOfflineQueue: true,
    retryStrategy: (attempt) => Math.min(attempt * 100, 1_000),
  });
}

export type { Redis };
