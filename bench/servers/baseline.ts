// A bare Fastify server answering constant JSON: the yardstick each benchmark run is compared with.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/*', async () => ({ hello: 'world', ok: true }));
const address = await app.listen({ port: 0, host: '127.0.0.1' });
console.log(`READY ${new URL(address).port}`);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
