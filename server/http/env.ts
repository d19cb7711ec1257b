/** What every handler finds on `c.var`. */
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
