/**
 * What every handler finds on `c.var`. The portal's hot path reads it with `c.get('db')`: Hono
 * makes `c.var` anew from its map on every read, a few µs a request (issue 13).
 */
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import type { BusinessTable } from '../db/schema.ts';

export interface AppEnv {
  Variables: {
    db: Db;
    config: Config;
    logger: Logger;
    /** The business whose secret key authenticated a staff request. */
    business: BusinessTable;
  };
}
