/**
 * A local HTTP server that answers as Twilio's Messages API does, for the real `twilio` SDK to
 * talk to (TWILIO_API_BASE). Written after Twilio's own API description (twilio-oai's
 * api_v2010: `POST /2010-04-01/Accounts/{AccountSid}/Messages.json`, form-encoded, HTTP Basic
 * with the account SID and auth token; the message resource and its statuses) and Twilio's
 * documented error codes and test numbers:
 *
 * - 20003 (401) bad credentials; 20404 (404) no such message;
 * - 21604 no To; 21211 To not a valid number; 21602 no Body; 21617 Body over 1,600 characters;
 *   21603 neither From nor MessagingServiceSid; 21606 From not one of the account's numbers;
 *   21701 unknown messaging service; 21610 To replied STOP to this sender (Twilio's block list);
 * - the magic test numbers: To +15005550001 invalid (21211), +15005550002 cannot route (21612),
 *   +15005550004 unsubscribed (21610), +15005550009 not a mobile (21614).
 *
 * Then, as Twilio does, it reports each message's status (`queued → sent → delivered`, or
 * `failed` / `undelivered` with an ErrorCode) to its StatusCallback, and customers' replies to
 * the inbound webhook, each signed the way Twilio signs (X-Twilio-Signature: base64 of
 * HMAC-SHA1 over the URL and the sorted fields, keyed with the auth token), computed here on its
 * own so the app's check by the SDK is a real one.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const ACCOUNT_SID = `AC${'1a2b3c4d'.repeat(4)}`;
export const AUTH_TOKEN = 'f00dfeedc0ffee00badcafe012345678';
export const FROM = '+15005550006';
export const MESSAGING_SERVICE_SID = `MG${'9e8d7c6b'.repeat(4)}`;

export interface FakeMessage {
  sid: string;
  to: string;
  from: string | null;
  body: string;
  messagingServiceSid: string | null;
  statusCallback: string | null;
  status: string;
  errorCode: number | null;
}

/** How the fake reaches our app: a signed form POST to `url`, answered with a Response. */
export type Deliver = (
  url: string,
  form: Record<string, string>,
  signature: string,
) => Promise<Response>;

export interface FakeTwilio {
  /** `http://127.0.0.1:<port>`: what TWILIO_API_BASE names. */
  url: string;
  messages: FakeMessage[];
  /** Every request's path and status, in order. */
  requests: { path: string; status: number }[];
  /** Numbers Twilio itself blocks for this sender (they replied STOP to Twilio): 21610. */
  unsubscribed: Set<string>;
  /** While set, every send is answered 500 (Twilio having a bad minute). */
  failing: boolean;
  /** Moves a message on and reports it to its StatusCallback, signed. */
  report(sid: string, status: string, errorCode?: number, token?: string): Promise<Response>;
  /** A customer texts our number: posted to `inboundUrl`, signed. */
  inbound(from: string, body: string, token?: string): Promise<Response>;
  close(): Promise<void>;
}

export function twilioSignature(token: string, url: string, form: Record<string, string>) {
  const data = Object.keys(form)
    .sort()
    .reduce((text, key) => text + key + form[key], url);
  return createHmac('sha1', token).update(Buffer.from(data, 'utf8')).digest('base64');
}

const GSM7 =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';

function segments(body: string): number {
  const gsm = [...body].every((char) => GSM7.includes(char));
  const [single, part] = gsm ? [160, 153] : [70, 67];
  const length = [...body].length;
  return length <= single ? 1 : Math.ceil(length / part);
}

const rfc2822 = (date: Date) => date.toUTCString().replace('GMT', '+0000');

export async function startFakeTwilio(options: {
  deliver?: Deliver;
  /** Where customers' texts are posted (the number's "A message comes in" webhook). */
  inboundUrl?: string;
}): Promise<FakeTwilio> {
  const deliver: Deliver =
    options.deliver ??
    ((url, form, signature) =>
      fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-twilio-signature': signature,
        },
        body: new URLSearchParams(form),
      }));
  const fake: FakeTwilio = {
    url: '',
    messages: [],
    requests: [],
    unsubscribed: new Set(),
    failing: false,
    async report(sid, status, errorCode, token = AUTH_TOKEN) {
      const message = fake.messages.find((m) => m.sid === sid);
      if (!message?.statusCallback) throw new Error(`no message ${sid} with a StatusCallback`);
      message.status = status;
      message.errorCode = errorCode ?? null;
      const form: Record<string, string> = {
        AccountSid: ACCOUNT_SID,
        ApiVersion: '2010-04-01',
        From: message.from ?? FROM,
        To: message.to,
        MessageSid: sid,
        SmsSid: sid,
        MessageStatus: status,
        SmsStatus: status,
        ...(message.messagingServiceSid
          ? { MessagingServiceSid: message.messagingServiceSid }
          : {}),
        ...(errorCode ? { ErrorCode: String(errorCode) } : {}),
      };
      return deliver(
        message.statusCallback,
        form,
        twilioSignature(token, message.statusCallback, form),
      );
    },
    async inbound(from, body, token = AUTH_TOKEN) {
      if (!options.inboundUrl) throw new Error('no inboundUrl');
      const sid = `SM${randomBytes(16).toString('hex')}`;
      const form = {
        ToCountry: 'US',
        SmsMessageSid: sid,
        NumMedia: '0',
        SmsSid: sid,
        SmsStatus: 'received',
        Body: body,
        FromCountry: 'US',
        To: FROM,
        NumSegments: String(segments(body)),
        MessageSid: sid,
        AccountSid: ACCOUNT_SID,
        From: from,
        ApiVersion: '2010-04-01',
      };
      return deliver(options.inboundUrl, form, twilioSignature(token, options.inboundUrl, form));
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      res.writeHead(500).end(String(error));
    });
  });

  function answer(res: ServerResponse, path: string, status: number, body: unknown) {
    fake.requests.push({ path, status });
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  }

  function error(res: ServerResponse, path: string, status: number, code: number, message: string) {
    answer(res, path, status, {
      code,
      message,
      more_info: `https://www.twilio.com/docs/errors/${code}`,
      status,
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const form = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));

    const expected = `Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64')}`;
    const account = /^\/2010-04-01\/Accounts\/([^/]+)\//.exec(path)?.[1];
    if (req.headers.authorization !== expected || account !== ACCOUNT_SID) {
      return error(res, path, 401, 20003, 'Authenticate');
    }
    const one = /\/Messages\/(SM[0-9a-f]{32})\.json$/.exec(path);
    if (req.method === 'GET' && one) {
      const message = fake.messages.find((m) => m.sid === one[1]);
      if (!message)
        return error(res, path, 404, 20404, `The requested resource ${path} was not found`);
      return answer(res, path, 200, resource(message));
    }
    if (req.method !== 'POST' || !path.endsWith('/Messages.json')) {
      return error(res, path, 404, 20404, `The requested resource ${path} was not found`);
    }
    if (fake.failing) return error(res, path, 500, 20500, 'Internal Server Error');
    const to = form.To;
    if (!to) return error(res, path, 400, 21604, "A 'To' phone number is required.");
    if (!/^\+[1-9]\d{1,14}$/.test(to) || to === '+15005550001') {
      return error(res, path, 400, 21211, `Invalid 'To' Phone Number: ${to}`);
    }
    if (!form.From && !form.MessagingServiceSid) {
      return error(
        res,
        path,
        400,
        21603,
        "A 'From' or 'MessagingServiceSid' parameter is required to send a message.",
      );
    }
    if (form.MessagingServiceSid && form.MessagingServiceSid !== MESSAGING_SERVICE_SID) {
      return error(
        res,
        path,
        400,
        21701,
        `The Messaging Service Sid ${form.MessagingServiceSid} is invalid.`,
      );
    }
    if (form.From && form.From !== FROM) {
      return error(
        res,
        path,
        400,
        21606,
        `The From phone number ${form.From} is not a valid, SMS-capable inbound phone number or short code for your account.`,
      );
    }
    if (!form.Body) return error(res, path, 400, 21602, 'Message body is required.');
    if ([...form.Body].length > 1600) {
      return error(
        res,
        path,
        400,
        21617,
        'The concatenated message body exceeds the 1600 character limit.',
      );
    }
    if (to === '+15005550002') {
      return error(
        res,
        path,
        400,
        21612,
        `The 'To' phone number: ${to}, is not currently reachable using the 'From' phone number: ${form.From ?? ''} via SMS.`,
      );
    }
    if (to === '+15005550004' || fake.unsubscribed.has(to)) {
      return error(res, path, 400, 21610, 'Attempt to send to unsubscribed recipient');
    }
    if (to === '+15005550009') {
      return error(res, path, 400, 21614, `'To' number ${to} is not a valid mobile number`);
    }
    const message: FakeMessage = {
      sid: `SM${randomBytes(16).toString('hex')}`,
      to,
      from: form.From ?? null,
      body: form.Body,
      messagingServiceSid: form.MessagingServiceSid ?? null,
      statusCallback: form.StatusCallback ?? null,
      // With a messaging service choosing the sender, Twilio first answers `accepted`.
      status: form.From ? 'queued' : 'accepted',
      errorCode: null,
    };
    fake.messages.push(message);
    return answer(res, path, 201, resource(message));
  }

  function resource(message: FakeMessage) {
    const at = rfc2822(new Date());
    return {
      account_sid: ACCOUNT_SID,
      api_version: '2010-04-01',
      body: message.body,
      date_created: at,
      date_sent: null,
      date_updated: at,
      direction: 'outbound-api',
      error_code: message.errorCode,
      error_message: null,
      from: message.from,
      messaging_service_sid: message.messagingServiceSid,
      num_media: '0',
      num_segments: String(segments(message.body)),
      price: null,
      price_unit: 'USD',
      sid: message.sid,
      status: message.status,
      subresource_uris: {
        media: `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages/${message.sid}/Media.json`,
      },
      to: message.to,
      uri: `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages/${message.sid}.json`,
    };
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}
