/**
 * The one interface every payment provider implements (Stripe, Square, the embedded sandbox and
 * PayPal; ./providers.ts names them, docs/payments.md has a table of what each supports), and the one shape in which any provider's outcomes reach the ledger: a
 * `ProviderEvent`, handed to `handleProviderEvent()` in ./events.ts whatever its source (a Stripe
 * webhook, the sandbox, reconciliation on start).
 */
import type { PaymentMethodKind } from '../../shared/quote.ts';

export type ProviderName = 'sandbox' | 'stripe' | 'square' | 'paypal';

/** Our payment's status, as the portal and staff API show it. */
export type PaymentStatus =
  | 'requires_confirmation'
  | 'processing'
  | 'requires_action'
  | 'succeeded'
  | 'failed'
  | 'canceled';

/** What kind of card paid: a card convenience fee applies to credit cards only by default. */
export type Funding = 'credit' | 'debit' | 'prepaid' | 'unknown';

export interface ProviderFailure {
  /** Stripe's code where there is one: `card_declined`, `insufficient_funds`, `no_account`… */
  code: string;
  /** The customer's words: "Your card was declined. Try another card." */
  message: string;
}

/** The card or bank account that paid, as far as the provider tells. */
export interface PaymentMethodDetails {
  method: PaymentMethodKind;
  funding: Funding | null;
  brand: string | null;
  last4: string | null;
  expMonth?: number | null;
  expYear?: number | null;
  /** The provider's id of the payment method, kept when the customer saves the card. */
  paymentMethodId?: string | null;
}

export interface CreatePaymentInput {
  /** Our `pay_…` id; providers put it in metadata so an event can name it. */
  paymentId: string;
  /** The total to charge, minor units. */
  amount: number;
  currency: string;
  /** Written to our database before this call; the provider dedupes retries with it. */
  idempotencyKey: string;
  customer: { id: string; name: string; email: string | null; providerCustomerId: string | null };
  /** Ask the provider to keep the card for later (Stripe: `setup_future_usage`). */
  savePaymentMethod: boolean;
  /** The provider's id of a card the customer saved before, to pay with it. */
  savedPaymentMethodId: string | null;
  method: PaymentMethodKind;
  metadata: Record<string, string>;
}

export interface CreatedPayment {
  /** Null for a provider that makes its payment only at confirmation (Square). */
  providerPaymentId: string | null;
  /** What the browser needs to confirm (Stripe's PaymentIntent client secret); null for sandbox. */
  clientSecret: string | null;
  status: PaymentStatus;
  /** Set when the provider made a customer record (Stripe Customer) for saving cards. */
  providerCustomerId?: string | null;
}

/** The provider's own view of a payment: read by reconciliation and after confirmation. */
export interface ProviderPaymentState {
  status: PaymentStatus;
  /** What the provider charged (or will charge), minor units. */
  amount: number;
  details: PaymentMethodDetails | null;
  failure: ProviderFailure | null;
}

export interface SavedMethod {
  providerPaymentMethodId: string;
  brand: string | null;
  last4: string | null;
  expMonth: number | null;
  expYear: number | null;
}

export type ProviderEventType =
  | 'payment.succeeded'
  | 'payment.failed'
  | 'payment.requires_action'
  | 'payment.processing'
  | 'refund.succeeded'
  | 'refund.failed'
  | 'dispute.created'
  | 'dispute.updated'
  | 'dispute.funds_withdrawn'
  | 'dispute.funds_reinstated'
  | 'dispute.closed';

/**
 * One outcome from a provider. `id` is the provider's event id (Stripe's `evt_…`); the same id
 * delivered again is ignored. Reconciliation makes ids of its own that are the same in every
 * process, so two processes reconciling at once still record once.
 */
export interface ProviderEvent {
  id: string;
  provider: ProviderName;
  type: ProviderEventType;
  providerPaymentId: string;
  /** Our `pay_…` id from the provider's metadata, when the event carries it. */
  paymentId?: string | null;
  /** payment.*: what the provider charged, minor units. refund.*: the amount refunded. */
  amount: number;
  details?: PaymentMethodDetails | null;
  failure?: ProviderFailure | null;
  /** refund.*: the provider's refund id, and ours (`re_…`) from metadata when it has it. */
  providerRefundId?: string | null;
  refundId?: string | null;
  /** dispute.*: the provider's dispute as it now stands (`amount` is the disputed amount). */
  dispute?: {
    id: string;
    reason: string;
    status: string;
    /** The provider's number for this state of the dispute (Square's `version`): older is stale. */
    version?: number | null;
  } | null;
}

export interface RefundInput {
  providerPaymentId: string;
  amount: number;
  idempotencyKey: string;
  /** Our `re_…` id; providers put it in metadata so the refund event can name it. */
  refundId: string;
}

export interface ServerConfirmInput {
  providerPaymentId: string;
  /** What the browser collected (`ctoken_…`), or null to pay with the saved card given at creation. */
  reference: string | null;
  /** Where the customer's bank sends them back after a redirect (3-D Secure). */
  returnUrl: string;
  /** New for each distinct attempt (`<pay_id>:confirm:<n>`). */
  idempotencyKey: string;
}

export interface ServerConfirmed {
  /** What the browser must do next (Stripe: `use_stripe_sdk` for 3-D Secure), or null. */
  nextAction: { type: string } | null;
}

export interface AuthorizeInput {
  paymentId: string;
  /** The one-time token the provider's card form made, or null to pay with `savedPaymentMethodId`. */
  reference: string | null;
  /**
   * What the buyer's verification made (Square's `verifyBuyer`: 3-D Secure / SCA), sent with the
   * token; null when the browser had none to send.
   */
  verificationToken?: string | null;
  /** The method the payment was made and priced for (a bank token cannot pay a card payment). */
  method?: PaymentMethodKind;
  savedPaymentMethodId: string | null;
  providerCustomerId: string | null;
  amount: number;
  currency: string;
  /** New for each distinct attempt (`<pay_id>:confirm:<n>`). */
  idempotencyKey: string;
}

export interface Authorized {
  providerPaymentId: string;
  /** `pending`: money on its way that cannot be captured or voided (Square's ACH: PENDING). */
  status: 'approved' | 'pending' | 'failed';
  /** What the provider authorized, minor units. */
  amount: number;
  details: PaymentMethodDetails | null;
  failure: ProviderFailure | null;
}

export interface SaveCardInput {
  providerPaymentId: string;
  providerCustomerId: string;
  idempotencyKey: string;
}

export interface PaymentProvider {
  readonly name: ProviderName;
  /** The methods its form takes, when not every one (Square: cards only). */
  readonly methods?: readonly PaymentMethodKind[];
  createPayment(input: CreatePaymentInput): Promise<CreatedPayment>;
  /**
   * Changes the amount before confirmation, when the fee changes with the card's funding, and
   * answers with the amount the provider now holds (./amounts.ts checks it). The key must be new
   * for each distinct attempt.
   */
  updateAmount(providerPaymentId: string, amount: number, idempotencyKey: string): Promise<number>;
  retrieve(providerPaymentId: string): Promise<ProviderPaymentState>;
  /**
   * Cancels a payment the customer never completed, so it can no longer be confirmed (Stripe:
   * the PaymentIntent, which Stripe.js could otherwise still confirm with its client secret).
   * One already canceled is fine; one that succeeded or is processing is a 409
   * `payment_not_cancelable`.
   */
  cancel(providerPaymentId: string, idempotencyKey: string): Promise<void>;
  refund(
    input: RefundInput,
  ): Promise<{ providerRefundId: string; status: 'succeeded' | 'pending' | 'failed' }>;
  /**
   * The provider's refund made for our `refundId`, if it made one: asked when a refund request
   * got no answer (a timeout), before anyone is told that nothing was refunded.
   */
  findRefund?(
    providerPaymentId: string,
    refundId: string,
  ): Promise<{ providerRefundId: string; status: 'succeeded' | 'pending' | 'failed' } | null>;
  /**
   * What a payment method the browser collected is (Stripe: a ConfirmationToken or PaymentMethod
   * id), so the server learns the funding and fixes the fee before the customer confirms.
   */
  describePaymentMethod?(reference: string): Promise<PaymentMethodDetails>;
  /**
   * Confirms the payment from the server with what the browser collected (Stripe: a
   * ConfirmationToken, Stripe's "finalize payments on the server" flow; none for a saved card
   * the payment was made with), after our fee was fixed for that very card. A decline is not an
   * error: the provider's state (read by reconcilePayment afterwards) says failed.
   */
  confirmOnServer?(input: ServerConfirmInput): Promise<ServerConfirmed>;
  /**
   * A provider that learns the card only by authorizing it (Square: `autocomplete: false`, whose
   * `card_details.card.card_type` tells the funding): the payment is authorized for the total
   * the customer accepted, the fee settled for that card, then `capture`d, or voided with
   * `cancel` when the total must change (./confirm-authorize.ts).
   */
  authorize?(input: AuthorizeInput): Promise<Authorized>;
  capture?(providerPaymentId: string): Promise<void>;
  /**
   * A provider whose buyer approves the payment in the provider's own window (PayPal): the server
   * captures what was approved, with a key new for each attempt (./confirm-capture.ts), and
   * answers the payment's state after it. A decline is `failed` with its reason, not an error.
   */
  captureApproved?(input: {
    providerPaymentId: string;
    idempotencyKey: string;
    currency: string;
  }): Promise<ProviderPaymentState>;
  /** Voids an authorization whose answer was lost, by the key it was asked with (Square). */
  cancelAttempt?(idempotencyKey: string): Promise<void>;
  /** Keeps the card that paid for later (Square: a card on file made from the payment). */
  saveCard?(input: SaveCardInput): Promise<PaymentMethodDetails>;
  listSavedMethods(providerCustomerId: string): Promise<SavedMethod[]>;
  detachSavedMethod(providerPaymentMethodId: string): Promise<void>;
}

/** Where a provider sends the outcomes it learns of on its own (the sandbox, at confirmation). */
export type ProviderEventSink = (event: ProviderEvent) => Promise<unknown>;
