/**
 * The staff API's lists, one shape for all: the query (`limit`, `starting_after`), the route
 * (GET, newest first, a page of the item), and the answer `{object: "list", data, has_more}`
 * built from the `limit + 1` rows that db/pagination.ts reads.
 */
import { createRoute, type RouteConfig, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Page } from '../db/pagination.ts';
import type { AppEnv } from './env.ts';
import { errorResponses, jsonResponse } from './schemas.ts';

export const ListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(10),
  starting_after: z.string().max(80).optional(),
});

export function listOf<T extends z.ZodType>(item: T) {
  return z.object({ object: z.literal('list'), data: z.array(item), has_more: z.boolean() });
}

/**
 * A list route: GET `path` with `request` (its `query` extends ListQuery), answering a page of
 * `item`, or the error shape for a bad query (400), a bad key (401) or an unknown cursor (404).
 */
export function listRoute<
  Request extends NonNullable<RouteConfig['request']>,
  Item extends z.ZodType,
  Path extends string = '/',
>(spec: {
  path?: Path;
  tags: string[];
  summary: string;
  request: Request;
  item: Item;
  /** What a page holds: "A page of customers". */
  page: string;
}) {
  return createRoute({
    method: 'get',
    path: (spec.path ?? '/') as Path,
    tags: spec.tags,
    security: [{ bearer: [] }],
    summary: spec.summary,
    request: spec.request,
    responses: {
      200: jsonResponse(listOf(spec.item), spec.page),
      ...errorResponses(400, 401, 404),
    },
  });
}

/**
 * The list answer from `limit + 1` rows: the first `limit`, each shown by `views` (given the
 * whole page at once, so a view can load what it needs in one query), and whether more follow.
 */
export async function listAnswer<Row, View>(
  rows: Row[],
  limit: number,
  views: (page: Row[]) => View[] | Promise<View[]>,
) {
  return {
    object: 'list' as const,
    data: await views(rows.slice(0, limit)),
    has_more: rows.length > limit,
  };
}

/** A list route's context, as far as a list handler reads it. */
// biome-ignore lint/suspicious/noExplicitAny: any route's params and query reach the same handler.
type ListContext = Context<AppEnv, any, any>;

/**
 * The handler every list route shares: the rows the query asks for (`limit + 1`, from
 * db/pagination.ts's keysetPage), answered as a list page with each row shown by `views`.
 */
export function listHandler<Query extends Page, Row, View>(
  rows: (c: ListContext, query: Query) => Promise<Row[]>,
  views: (c: ListContext, page: Row[]) => View[] | Promise<View[]>,
) {
  return async (c: ListContext) => {
    const query = c.req.valid('query') as Query;
    const found = await rows(c, query);
    return c.json(await listAnswer(found, query.limit, (page) => views(c, page)), 200);
  };
}
