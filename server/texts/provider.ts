/**
 * The SMS provider, chosen by SMS_PROVIDER: `outbox` (the default) keeps texts in the outbox for
 * staff to read and sends nothing, as email does without SMTP_URL; `twilio` sends through
 * Twilio's Messages API with the official SDK (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, and
 * TWILIO_FROM or TWILIO_MESSAGING_SERVICE_SID), and checks Twilio's webhooks with the SDK's
 * signature validation. TWILIO_API_BASE points the SDK elsewhere (tests: a local stand-in).
 */
import { createRequire } from 'node:module';
import type Twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient.js';
import type { Config } from '../config.ts';
import type { TextDeliveryStatus } from '../db/schema.ts';

export interface OutgoingText {
  to: string;
  body: string;
  /** Where the provider reports the text's delivery status. */
  statusCallback: string;
}

export interface ProviderAccepted {
  providerMessageId: string;
  status: TextDeliveryStatus;
}

/** A send the provider refused. `permanent`: trying again cannot help (an invalid number). */
export class TextNotSent extends Error {
  constructor(
    message: string,
    readonly code: string | null,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

export interface SmsProvider {
  name: 'outbox' | 'twilio';
  /** Null for the outbox: nothing leaves the server. */
  send: ((text: OutgoingText) => Promise<ProviderAccepted>) | null;
  /** Whether a webhook to `url` with these form fields carries the provider's signature. */
  signedByProvider(
    signature: string | undefined,
    url: string,
    params: Record<string, string>,
  ): boolean;
}

export const outboxSmsProvider: SmsProvider = {
  name: 'outbox',
  send: null,
  signedByProvider: () => false,
};

export function smsProvider(config: Config): SmsProvider {
  if (config.sms.provider === 'outbox') return outboxSmsProvider;
  return twilioSmsProvider(config.sms.twilio);
}

export function twilioSmsProvider(settings: Config['sms']['twilio']): SmsProvider {
  const { accountSid, authToken, from, messagingServiceSid, apiBase } = settings;
  if (!accountSid || !authToken || !(from || messagingServiceSid)) {
    throw new Error(
      'SMS_PROVIDER=twilio needs TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM or TWILIO_MESSAGING_SERVICE_SID',
    );
  }
  // Loaded here, with SMS_PROVIDER=twilio only (issue 13): tens of MB nobody else needs.
  const twilio = createRequire(import.meta.url)('twilio') as typeof Twilio;
  const client = twilio(accountSid, authToken, {
    ...(apiBase ? { httpClient: apiBaseClient(twilio, apiBase) } : {}),
  });
  return {
    name: 'twilio',
    async send(text) {
      try {
        const message = await client.messages.create({
          to: text.to,
          body: text.body,
          statusCallback: text.statusCallback,
          ...(messagingServiceSid ? { messagingServiceSid } : {}),
          ...(from ? { from } : {}),
        });
        return { providerMessageId: message.sid, status: message.status as TextDeliveryStatus };
      } catch (error) {
        throw asTextNotSent(error);
      }
    },
    signedByProvider(signature, url, params) {
      if (!signature) return false;
      return twilio.validateRequest(authToken, signature, url, params);
    },
  };
}

/**
 * Twilio's answers: a 4xx other than 429 is the request's fault and permanent (21211 invalid
 * number, 21610 the number replied STOP to Twilio, 21614 not a mobile); 429, 5xx and no answer
 * at all are tried again later.
 */
function asTextNotSent(error: unknown): TextNotSent {
  const { status, code, message } = error as { status?: number; code?: number; message?: string };
  const text = `${code ? `${code}: ` : ''}${message ?? String(error)}`.slice(0, 500);
  const permanent = typeof status === 'number' && status >= 400 && status < 500 && status !== 429;
  return new TextNotSent(text, code ? String(code) : null, permanent);
}

/** The SDK's own HTTP client, its requests sent to another base address (a test stand-in). */
function apiBaseClient(twilio: typeof Twilio, base: string) {
  class ApiBaseClient extends twilio.RequestClient {
    override request<TData>(opts: RequestClient.RequestOptions<TData>) {
      const url = new URL(opts.uri);
      const to = new URL(base);
      url.protocol = to.protocol;
      url.host = to.host;
      return super.request<TData>({ ...opts, uri: url.toString() });
    }
  }
  return new ApiBaseClient();
}
