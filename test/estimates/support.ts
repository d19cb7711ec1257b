/**
 * What the estimate suites share: a pool business that is told of decisions, an estimate for a
 * customer, a way to let an estimate expire, and drawn signatures made as real PNGs.
 */
import { PNG } from 'pngjs';
import { expect } from 'vitest';
import { today } from '../../server/db/ids.ts';
import type { Harness, StaffClient } from '../support/harness.ts';

export function daysFromToday(days: number) {
  const date = new Date(`${today()}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export const RESURFACING = {
  description: 'Pool resurfacing (plaster, 450 sq ft)',
  quantity: 1,
  unit_amount: 480_000,
  tax_rate: 825,
};
export const TILES = { description: 'Waterline tiles', quantity: 12, unit_amount: 1_850 };

export async function poolBusiness(h: Harness, settings: Record<string, unknown> = {}) {
  const staff = await h.business({ name: 'Blue Lagoon Pools', currency: 'usd' });
  const patched = await staff.patch('/v1/settings', {
    notification_email: 'office@bluelagoon.test',
    branding: {
      email: 'hello@bluelagoon.test',
      phone: '+1 813 555 0142',
      address: '12 Harbor Way, Tampa, FL 33602',
      brand_color: '#0f766e',
    },
    ...settings,
  });
  expect(patched.status).toBe(200);
  return staff;
}

export async function customerOf(
  staff: StaffClient,
  name = 'Dana Diaz',
  extra: Record<string, unknown> = { email: 'dana@example.com' },
) {
  const { body, status } = await staff.post('/v1/customers', { name, ...extra });
  expect(status).toBe(200);
  return body as { id: string; name: string };
}

export interface EstimateBody {
  id: string;
  number: string;
  total: number;
  subtotal: number;
  tax: number;
  deposit_amount: number;
  status: string;
}

export async function estimateFor(
  staff: StaffClient,
  customer: string,
  extra: Record<string, unknown> = {},
): Promise<EstimateBody> {
  const { body, status } = await staff.post('/v1/estimates', {
    customer,
    lines: [RESURFACING, TILES],
    valid_until: daysFromToday(30),
    terms: 'Half the work is scheduled within two weeks of approval.',
    ...extra,
  });
  expect(status, JSON.stringify(body)).toBe(200);
  return body as EstimateBody;
}

export async function linkTo(staff: StaffClient, target: Record<string, string>) {
  const { body, status } = await staff.post('/v1/payment_links', target);
  expect(status, JSON.stringify(body)).toBe(200);
  return (body.url as string).split('/p/')[1]!;
}

/** Its valid-until day was yesterday (staff cannot set a past date through the API). */
export async function expire(h: Harness, estimateId: string) {
  await h.db
    .updateTable('estimates')
    .set({ valid_until: daysFromToday(-1) })
    .where('id', '=', estimateId)
    .execute();
}

/** A real PNG: transparent, with a dark stroke across it unless `blank`. */
export function signaturePng(width = 320, height = 120, blank = false): Buffer {
  const png = new PNG({ width, height });
  png.data.fill(0);
  if (!blank) {
    for (let x = 20; x < width - 20; x += 1) {
      const y = Math.round(height / 2 + Math.sin(x / 18) * (height / 4));
      for (let dy = -2; dy <= 2; dy += 1) {
        const i = ((y + dy) * width + x) * 4;
        png.data[i] = 17;
        png.data[i + 1] = 24;
        png.data[i + 2] = 39;
        png.data[i + 3] = 255;
      }
    }
  }
  return PNG.sync.write(png);
}

/** A PNG larger than any signature kept: random pixels do not compress. */
export function hugePng(): Buffer {
  const png = new PNG({ width: 400, height: 400 });
  for (let i = 0; i < png.data.length; i += 1) png.data[i] = Math.floor(Math.random() * 256);
  return PNG.sync.write(png);
}

export const dataUrl = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;

/** The customer's browser on one link, for the estimate calls. */
export function estimatePortal(h: Harness, token: string, address = '203.0.113.7') {
  const post = async (path: string, body: unknown) => {
    const response = await h.request(
      `/v1/portal/${token}${path}`,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X)',
        },
        body: JSON.stringify(body),
      },
      address,
    );
    const text = await response.text();
    // biome-ignore lint/suspicious/noExplicitAny: tests read answers as the JSON they are.
    return { status: response.status, body: (text ? JSON.parse(text) : null) as any };
  };
  return {
    approve: (id: string, signature: unknown) => post(`/estimates/${id}/approve`, { signature }),
    decline: (id: string, reason?: string) =>
      post(`/estimates/${id}/decline`, reason === undefined ? {} : { reason }),
    ask: (id: string, message: string) => post(`/estimates/${id}/questions`, { message }),
  };
}
