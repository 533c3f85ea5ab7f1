/**
 * The search workers' channel to each other (issue 17). A score needs each term's document frequency
 * over the whole index, and each worker holds only its segments': the workers of a query tell each other
 * theirs directly, so the main thread waits for one answer per worker (an extra round through the main
 * thread cost two more thread wake-ups a search, several milliseconds each on a loaded machine).
 */
import type { MessagePort } from 'node:worker_threads';

/** One worker's segments' document count and each term's document frequency, for one query. */
export interface Frequencies {
  terms: string[];
  df: number[];
  documentCount: number;
}

interface PeerMessage extends Frequencies {
  query: number;
}

const ports = new Map<number, MessagePort>();
/** By query number: what the other workers told; the waiting match, if any. */
const received = new Map<number, Frequencies[]>();
const waiting = new Map<number, () => void>();

/** The port to worker `peer` (the pool hands each pair of workers the ends of one channel). */
export function connectPeer(peer: number, port: MessagePort): void {
  ports.set(peer, port);
  port.on('message', ({ query, ...frequencies }: PeerMessage) => {
    const list = received.get(query) ?? [];
    list.push(frequencies);
    received.set(query, list);
    waiting.get(query)?.();
  });
  // The channel must not keep a worker alive once the pool lets it go.
  port.unref();
}

/**
 * The whole index's document count and each term's document frequency for query `query`: this worker's
 * (`own`) sent to the other `peers` of the query, theirs awaited and added.
 */
export async function wholeIndexFrequencies(query: number, peers: number[], own: Frequencies): Promise<{ df: Map<string, number>; documentCount: number }> {
  for (const peer of peers) {
    const port = ports.get(peer);
    if (!port) throw new Error(`Search worker ${peer} is not connected to this one.`);
    port.postMessage({ query, ...own } satisfies PeerMessage);
  }
  while ((received.get(query)?.length ?? 0) < peers.length) await new Promise<void>((resolve) => waiting.set(query, resolve));
  waiting.delete(query);
  const all = [own, ...(received.get(query) ?? [])];
  received.delete(query);
  const df = new Map<string, number>();
  let documentCount = 0;
  for (const part of all) {
    documentCount += part.documentCount;
    part.terms.forEach((term, i) => df.set(term, (df.get(term) ?? 0) + part.df[i]!));
  }
  return { df, documentCount };
}
