// Several "processes" of the app, as server.ts builds them (cluster, registry, Socket.IO server),
// inside one test process, on a scratch PostgreSQL database and one Redis; their clients; and the
// clean-up. Faster than real processes (three-processes.server.test.ts), and the test can reach in.
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Redis } from "ioredis";
import { afterAll, beforeAll } from "vitest";
import { attachRealtime, type RealtimeServer } from "~/realtime/io.server";
import { prisma } from "~/utils/db.server";
import { LiveRegistry } from "../../live-registry.server";
import { startCluster, type Cluster, type ClusterOptions } from "../cluster.server";
import { clusterServicesProblem, redisPrefix, redisServerUrl, scratchDatabase, type ScratchDatabase } from "./cluster-services";
import { connectClient, type Client } from "./app-processes";

export type InProcessNode = {
  cluster: Cluster;
  registry: LiveRegistry;
  http: HttpServer;
  io: RealtimeServer;
  url: string;
  /** The events this node ran for sockets of other nodes, in order. */
  forwarded: string[];
};

export type NodeOptions = Pick<ClusterOptions, "leaseMs" | "renewEveryMs" | "callTimeoutMs"> & {
  endedLingerMs?: number;
  /** Each request forwarded to this node waits this long first (a busy process). */
  slowForwardedMs?: number;
};

/**
 * Registers the suite's beforeAll/afterAll. `problem` says why PostgreSQL or Redis cannot be used
 * (then nothing was started); the prisma client of the app points at the scratch database.
 */
export function inProcessCluster() {
  const keys = redisPrefix();
  const nodes: InProcessNode[] = [];
  const clients: Client[] = [];
  const services = { problem: undefined as string | undefined, database: undefined as unknown as ScratchDatabase, redis: undefined as unknown as Redis, keys };

  beforeAll(async () => {
    services.problem = await clusterServicesProblem();
    if (services.problem) return;
    services.database = await scratchDatabase();
    process.env.DATABASE_URL = services.database.url;
    services.redis = new Redis(redisServerUrl);
  });

  afterAll(async () => {
    if (services.problem) return;
    for (const socket of clients) socket.disconnect();
    for (const node of nodes) {
      await node.registry.close();
      await node.io.close();
      await node.cluster.close();
    }
    await prisma.$disconnect();
    await keys.clean(services.redis);
    services.redis.disconnect();
    await services.database.drop();
  });

  async function startNode(options: NodeOptions = {}): Promise<InProcessNode> {
    const { endedLingerMs, slowForwardedMs = 0, ...clusterOptions } = options;
    const cluster = startCluster({ redisUrl: redisServerUrl, databaseUrl: services.database.url, db: prisma, keyPrefix: keys.prefix, log: () => undefined, ...clusterOptions });
    const registry = new LiveRegistry({ store: cluster.store, claim: cluster.claim, onRetired: cluster.retired, resumeAfterCrash: true, endedLingerMs, log: () => undefined });
    const forwarded: string[] = [];
    const http = createServer();
    const io = attachRealtime(http, {
      allowedOrigins: [],
      live: {
        registry,
        db: prisma,
        cluster: (transport, server, liveRegistry) => {
          const runForwarded = transport.runForwarded.bind(transport);
          transport.runForwarded = async (socket, event, payload) => {
            forwarded.push(event);
            if (slowForwardedMs > 0) await new Promise((resolve) => setTimeout(resolve, slowForwardedMs));
            return runForwarded(socket, event, payload);
          };
          return cluster.routing(transport, server, liveRegistry);
        },
      },
      adapter: cluster.adapter,
    });
    await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
    const node = { cluster, registry, http, io, url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`, forwarded };
    nodes.push(node);
    return node;
  }

  /** A WebSocket client of one node (with a session cookie: a signed-in host), closed after the suite. */
  const client = (url: string, cookie?: string) => connectClient(clients, url, cookie);

  return { services, startNode, client };
}
