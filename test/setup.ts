// Loaded before every test file: outbound network is an error, not a silent pass.
// Only loopback addresses and unix sockets may be reached (the test database, SMTP peer, app).
import net from 'node:net';

const allowed = new Set(['127.0.0.1', 'localhost', '::1', '::ffff:127.0.0.1', undefined, '']);
const originalConnect = net.Socket.prototype.connect;

net.Socket.prototype.connect = function patchedConnect(this: net.Socket, ...args: unknown[]) {
  const first = args[0];
  const target = (value: unknown) => (typeof value === 'object' && value !== null ? (value as { host?: string; path?: string }) : {});
  let host: string | undefined;
  let path: string | undefined;
  if (Array.isArray(first)) {
    ({ host, path } = target(first[0]));
  } else if (typeof first === 'object' && first !== null) {
    ({ host, path } = target(first));
  } else if (typeof first === 'string' && Number.isNaN(Number(first))) {
    path = first;
  } else {
    host = typeof args[1] === 'string' ? args[1] : undefined;
  }
  if (!path && !allowed.has(host) && !/^127\./.test(host ?? '')) {
    throw new Error(`Outbound network in tests is not allowed (tried to reach ${host}).`);
  }
  return (originalConnect as (this: net.Socket, ...rest: unknown[]) => net.Socket).apply(this, args);
} as typeof net.Socket.prototype.connect;

process.env.NODE_ENV = 'test';

// A fuzz failure prints its seed; `FC_SEED=<seed>` replays that run in every fast-check property.
if (process.env.FC_SEED) {
  const fc = await import('fast-check');
  fc.configureGlobal({ seed: Number(process.env.FC_SEED) });
}
