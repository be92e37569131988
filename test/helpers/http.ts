// Requests over real HTTP, for what app.inject() cannot show (it bypasses the HTTP server, and so the
// edge cache in front of Fastify).
import { type IncomingHttpHeaders, request } from 'node:http';
import type { FastifyInstance } from 'fastify';

export interface HttpAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** Starts the app on a free port of 127.0.0.1 and returns a client for it. */
export async function listenForHttp(app: FastifyInstance) {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as { port: number }).port;
  return (path: string, headers: Record<string, string> = {}, method = 'GET') =>
    new Promise<HttpAnswer>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      });
      req.on('error', reject);
      req.end();
    });
}
