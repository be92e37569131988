// The bare Fastify server each benchmark run is compared with. Without BASELINE_RESPONSES it answers
// a constant JSON. With it (a JSON file of responses the app sent, recorded by bench/lib.ts), one
// route sends, for each recorded URL, the same status, headers and bytes from memory: what is left of
// the app's cost is then everything the app does beyond sending its answer.
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

interface Recorded {
  path: string;
  status: number;
  headers: [string, string][];
  body: string;
}

const app = Fastify({ logger: false });
const file = process.env.BASELINE_RESPONSES;
if (file) {
  const answers = new Map(
    (JSON.parse(readFileSync(file, 'utf8')) as Recorded[]).map((r) => [
      r.path,
      { status: r.status, headers: Object.fromEntries(r.headers), body: Buffer.from(r.body, 'base64') },
    ]),
  );
  app.get('/*', (req, reply) => {
    const answer = answers.get(req.url);
    if (answer === undefined) return reply.code(404).send();
    return reply.code(answer.status).headers(answer.headers).send(answer.body);
  });
} else {
  app.get('/*', async () => ({ hello: 'world', ok: true }));
}
const address = await app.listen({ port: 0, host: '127.0.0.1' });
console.log(`READY ${new URL(address).port}`);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
