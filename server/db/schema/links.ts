/** Payment links, their activity, and the portal's rate-limit windows (migration 0001). */
export type PaymentLinkKind = 'customer' | 'invoice' | 'estimate';

export type PaymentLinkStatus = 'active' | 'revoked';

export interface PaymentLinkTable {
  id: string;
  business_id: string;
  customer_id: string;
  kind: PaymentLinkKind;
  invoice_id: string | null;
  estimate_id: string | null;
  /** SHA-256 of the token, hex: the only form in which a token is looked up. */
  token_hash: string;
  /** The token sealed with the server's secret, so staff can show and send the link again. */
  token_sealed: string;
  status: PaymentLinkStatus;
  expires_at: string | null;
  created_at: string;
  updated_at: string;
}

export type LinkEventType =
  | 'created'
  | 'copied'
  | 'sent'
  | 'viewed'
  | 'payment_made'
  | 'regenerated'
  | 'revoked'
  /** A scheduled reminder went out with this link (server/reminders/). */
  | 'reminder';

export interface LinkEventTable {
  id: string;
  business_id: string;
  payment_link_id: string;
  type: LinkEventType;
  channel: string | null;
  /** JSON with what else the event knows, or null. */
  detail: string | null;
  created_at: string;
}

export interface RateLimitTable {
  key: string;
  window_start: number;
  count: number;
}
