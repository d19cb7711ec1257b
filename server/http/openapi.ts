/** Options every `OpenAPIHono` sub-app shares: validation failures become our error shape. */
import type { Hook } from '@hono/zod-openapi';
import type { AppEnv } from './env.ts';
import { validationError } from './errors.ts';
import { checkText } from './text.ts';

// biome-ignore lint/suspicious/noExplicitAny: the hook is the same for every route's input type.
const defaultHook: Hook<any, AppEnv, any, any> = (result) => {
  // On failure `data` is what the caller sent (see @hono/zod-validator), so a missing field can be
  // told from a wrong one.
  if (!result.success) throw validationError(result.error, (result as { data?: unknown }).data);
  // Path parameters, query and body alike: text the stores cannot keep is refused here.
  checkText(result.data);
};

export const openApiHooks = { defaultHook };
