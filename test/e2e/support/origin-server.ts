/**
 * A second local origin for the embedding checks: a plain HTTP server on its own port that
 * serves a business's pages (the examples of demo/examples/, rendered for the Pay Portal server).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exampleStylesheet } from '../../../server/pages/examples.ts';

export interface OriginServer {
  origin: string;
  close(): Promise<void>;
}

export async function startOriginServer(
  page: (path: string, query: URLSearchParams) => string | null,
): Promise<OriginServer> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://origin.test');
    if (url.pathname.endsWith('/example.css')) {
      response.writeHead(200, { 'content-type': 'text/css' }).end(exampleStylesheet());
      return;
    }
    const html = page(url.pathname, url.searchParams);
    if (html === null) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
