/**
 * A raw pass-through proxy to the upstream: `node:http` in, an undici Pool out, the body streamed back.
 * The floor for any Node.js gateway. Run as its own process; prints its URL as one JSON line.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream/promises';
import { Pool } from 'undici';

const upstream = process.env.UPSTREAM_URL;
if (!upstream) throw new Error('UPSTREAM_URL must be set, got nothing');
const pool = new Pool(upstream, { connections: Number(process.env.PROXY_CONNECTIONS ?? 64) });

const server = createServer(async (req, res) => {
  try {
    const response = await pool.request({
      path: req.url ?? '/',
      method: req.method as 'GET',
      headers: { authorization: req.headers.authorization ?? '', accept: req.headers.accept ?? '*/*' },
      body: req.method === 'GET' || req.method === 'HEAD' ? null : req,
    });
    const type = response.headers['content-type'];
    res.writeHead(response.statusCode, type ? { 'content-type': type } : {});
    await pipeline(response.body, res);
  } catch (error) {
    if (!res.headersSent) res.writeHead(502).end(String(error));
    else res.destroy();
  }
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })}\n`);
});
process.once('SIGTERM', () => server.close(() => void pool.close().then(() => process.exit(0))));
