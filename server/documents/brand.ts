/**
 * The business as its documents show it: name, colour, contact details and logo. The logo is the
 * business's `https` URL, fetched when a document is drawn: only from public addresses (a logo URL
 * must not reach into the server's own network), at most 1 MB, PNG or JPEG (what PDF can hold),
 * within 3 seconds, and remembered for 10 minutes. Without one, the documents show the name alone.
 */

import { lookup } from 'node:dns';
import { request } from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { brandColor } from '../businesses/brand-colors.ts';
import { businessSettings, businessTimeZone } from '../businesses/businesses.ts';
import type { BusinessTable } from '../db/schema.ts';

export interface DocumentBrand {
  name: string;
  locale: string;
  /** IANA zone the documents' moments are shown in. */
  timeZone: string;
  color: string;
  logo: Buffer | null;
  address: string | null;
  phone: string | null;
  email: string | null;
}

export async function documentBrand(business: BusinessTable): Promise<DocumentBrand> {
  const { branding } = businessSettings(business);
  return {
    name: business.name,
    locale: business.locale,
    timeZone: businessTimeZone(business),
    color: brandColor(branding.brand_color),
    logo: branding.logo_url ? await fetchLogo(branding.logo_url) : null,
    address: branding.address,
    phone: branding.phone,
    email: branding.email,
  };
}

const MAX_LOGO_BYTES = 1024 * 1024;
const TIMEOUT_MS = 3000;
const KEEP_MS = 10 * 60_000;
const cache = new Map<string, { at: number; logo: Buffer | null }>();

/**
 * Addresses a logo may never come from: loopback, private, link-local, shared, benchmarking,
 * unspecified, and the IPv6 forms that carry an IPv4 address inside (IPv4-compatible, NAT64,
 * 6to4), which could otherwise reach a private IPv4 host.
 */
const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 96],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2002::', 16],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv6');
}

export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return !PRIVATE.check(mapped[1]!, 'ipv4');
  return !PRIVATE.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** DNS resolution that refuses private answers, so the check holds for the very connection made. */
const publicLookup: LookupFunction = (hostname, options, callback) => {
  lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '', 4);
    const allowed = addresses.filter((entry) => isPublicAddress(entry.address));
    if (allowed.length === 0) {
      return callback(new Error(`${hostname} has no public address`), '', 4);
    }
    if (options.all) return (callback as (e: null, a: typeof allowed) => void)(null, allowed);
    return callback(null, allowed[0]!.address, allowed[0]!.family);
  });
};

/** The logo's bytes, or null when it cannot be had (or is not PNG or JPEG); never throws. */
export async function fetchLogo(url: string): Promise<Buffer | null> {
  const kept = cache.get(url);
  if (kept && Date.now() - kept.at < KEEP_MS) return kept.logo;
  const logo = await download(url).catch(() => null);
  cache.set(url, { at: Date.now(), logo });
  if (cache.size > 200) cache.delete(cache.keys().next().value!);
  return logo;
}

function download(url: string): Promise<Buffer | null> {
  const target = new URL(url);
  if (target.protocol !== 'https:') return Promise.resolve(null);
  if (isIP(target.hostname.replace(/^\[|\]$/g, '')) && !isPublicAddress(target.hostname)) {
    return Promise.resolve(null);
  }
  return new Promise((resolve, reject) => {
    const req = request(target, { lookup: publicLookup, timeout: TIMEOUT_MS }, (response) => {
      if (response.statusCode !== 200) {
        response.resume();
        return resolve(null);
      }
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_LOGO_BYTES) {
          req.destroy();
          return resolve(null);
        }
        chunks.push(chunk);
      });
      response.on('end', () =>
        resolve(imageKind(Buffer.concat(chunks)) ? Buffer.concat(chunks) : null),
      );
      response.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('logo timed out')));
    req.on('error', reject);
    req.end();
  });
}

/** PNG or JPEG by their first bytes: the two image kinds a PDF can hold as they are. */
export function imageKind(bytes: Buffer): 'png' | 'jpeg' | null {
  if (bytes.subarray(0, 8).equals(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]))) return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  return null;
}
