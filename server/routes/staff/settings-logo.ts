/**
 * `PUT /v1/settings/logo` and `DELETE /v1/settings/logo` (issue 15: "branding with a logo upload
 * or URL"): the image is the request's raw body (PNG or JPEG, told by its first bytes; at most
 * 256 KB), kept in the database (server/businesses/logos.ts); `branding.logo_url` becomes its
 * address on this server, which the portal, the hosted page and the PDFs then show.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { businessSettings } from '../../businesses/businesses.ts';
import {
  logoTooLarge,
  MAX_LOGO_UPLOAD,
  removeLogo,
  saveLogo,
  uploadedLogoHash,
} from '../../businesses/logos.ts';
import { isPostgres, type Trx } from '../../db/database.ts';
import type { AppEnv } from '../../http/env.ts';
import { ApiError } from '../../http/errors.ts';
import { openApiHooks } from '../../http/openapi.ts';
import { errorResponses, jsonResponse } from '../../http/schemas.ts';
import { Settings, settingsView } from './settings.ts';

const security = [{ bearer: [] }];
const tags = ['Settings'];
const image = z.string().openapi({ type: 'string', format: 'binary' });

/** Sets `branding.logo_url` inside the caller's transaction, the business row held. */
async function setLogoUrl(
  trx: Trx,
  businessId: string,
  logoUrl: (current: string | null) => string | null,
) {
  let read = trx.selectFrom('businesses').selectAll().where('id', '=', businessId);
  if (isPostgres(trx)) read = read.forUpdate();
  const business = await read.executeTakeFirstOrThrow();
  const settings = businessSettings(business);
  const branding = { ...settings.branding, logo_url: logoUrl(settings.branding.logo_url) };
  const changed = { settings: JSON.stringify({ ...settings, branding }) };
  await trx.updateTable('businesses').set(changed).where('id', '=', businessId).execute();
  return { ...business, ...changed };
}

export const settingsLogoRoutes = new OpenAPIHono<AppEnv>(openApiHooks)
  .openapi(
    createRoute({
      method: 'put',
      path: '/logo',
      tags,
      security,
      summary: 'Upload the logo',
      description:
        'The body is the image itself (`Content-Type: image/png` or `image/jpeg`; the first bytes ' +
        `decide): PNG or JPEG, at most ${MAX_LOGO_UPLOAD / 1024} KB. It replaces any logo before it ` +
        'and `branding.logo_url` becomes its address on this server (`/logos/{hash}.png`, kept by ' +
        'browsers for a year: a new logo has a new address). 413 `logo_too_large`, 422 ' +
        '`logo_unsupported` (SVG, GIF, anything else): nothing changes.',
      middleware: [
        bodyLimit({
          maxSize: MAX_LOGO_UPLOAD,
          onError: () => {
            throw logoTooLarge();
          },
        }),
      ],
      request: {
        body: {
          required: true,
          content: { 'image/png': { schema: image }, 'image/jpeg': { schema: image } },
        },
      },
      responses: {
        200: jsonResponse(Settings, 'The settings, with the new logo_url'),
        ...errorResponses(401, 413, 422),
      },
    }),
    async (c) => {
      const { db, business, config } = c.var;
      const bytes = Buffer.from(await c.req.arrayBuffer());
      if (bytes.length === 0) {
        throw new ApiError(
          422,
          'invalid_request_error',
          'logo_unsupported',
          'Send the logo image as the request body.',
          'logo',
        );
      }
      const updated = await db.transaction().execute(async (trx) => {
        const path = await saveLogo(trx, business.id, bytes);
        return setLogoUrl(trx, business.id, () => `${config.publicUrl}${path}`);
      });
      return c.json(settingsView(updated), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/logo',
      tags,
      security,
      summary: 'Remove the uploaded logo',
      description:
        'Forgets the uploaded logo; `branding.logo_url` becomes null if it was that logo (a logo ' +
        'given by URL stays).',
      responses: {
        200: jsonResponse(Settings, 'The settings'),
        ...errorResponses(401),
      },
    }),
    async (c) => {
      const { db, business } = c.var;
      const updated = await db.transaction().execute(async (trx) => {
        await removeLogo(trx, business.id);
        return setLogoUrl(trx, business.id, (current) =>
          uploadedLogoHash(current) ? null : current,
        );
      });
      return c.json(settingsView(updated), 200);
    },
  );
