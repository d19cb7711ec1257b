/**
 * What the PayPal stand-in knows and does, after PayPal's Orders v2 and Payments v2 references:
 * orders (CREATED → APPROVED by the buyer → COMPLETED once captured), their captures (COMPLETED,
 * PENDING, DECLINED; then PARTIALLY_REFUNDED, REFUNDED), refunds, and captures looked up by id —
 * with PayPal's documented refusals in its error shape (`{name, message, debug_id, details:
 * [{issue, description}]}`): 422 UNPROCESSABLE_ENTITY with ORDER_NOT_APPROVED,
 * ORDER_ALREADY_CAPTURED, INSTRUMENT_DECLINED, DUPLICATE_INVOICE_ID, CURRENCY_NOT_SUPPORTED,
 * DECIMAL_PRECISION, CANNOT_BE_ZERO_OR_NEGATIVE, REFUND_AMOUNT_EXCEEDED, CAPTURE_FULLY_REFUNDED;
 * 404 RESOURCE_NOT_FOUND. The buyer's side (approving in PayPal's window, with which funding) is
 * the test's: `approve()`. Idempotency (PayPal-Request-Id) is test/support/fake-paypal.ts's.
 */
import {
  type Body,
  cents,
  DECIMALS,
  type FakeCapture,
  type FakeOrder,
  type FakeRefund,
  type Funding,
  id,
  invalid,
  type Money,
  notFound,
  stamp,
  unprocessable,
  value,
} from './fake-paypal-objects.ts';

export type { Body, FakeCapture, FakeOrder, FakeRefund, Funding } from './fake-paypal-objects.ts';
export { PayPalApiError, unprocessable } from './fake-paypal-objects.ts';

export class FakePayPalApi {
  readonly orders = new Map<string, FakeOrder>();
  readonly captures = new Map<string, FakeCapture>();
  readonly refunds = new Map<string, FakeRefund>();
  private readonly invoiceIds = new Set<string>();

  constructor(private readonly base: () => string) {}

  route(method: string, path: string, body: Body): { status: number; body: unknown } {
    const parts = path.split('/').filter(Boolean);
    const call = `${method} /${parts.map((p, i) => (i === 3 && parts[1] !== 'notifications' ? ':id' : p)).join('/')}`;
    const target = parts[3] ?? '';
    switch (call) {
      case 'POST /v2/checkout/orders':
        return { status: 201, body: this.createOrder(body) };
      case 'GET /v2/checkout/orders/:id':
        return { status: 200, body: this.view(this.order(target)) };
      case 'POST /v2/checkout/orders/:id/capture':
        return { status: 201, body: this.capture(this.order(target)) };
      case 'GET /v2/payments/captures/:id':
        return { status: 200, body: this.captureView(this.capture_(target)) };
      case 'POST /v2/payments/captures/:id/refund':
        return { status: 201, body: this.refund(this.capture_(target), body) };
    }
    throw notFound(path);
  }

  /** The buyer approves the order in PayPal's window, paying with `wallet`; `funding` decides the capture. */
  approve(orderId: string, funding: Funding = 'approves', wallet: 'paypal' | 'venmo' = 'paypal') {
    const order = this.order(orderId);
    if (order.status !== 'CREATED' && order.status !== 'APPROVED') {
      throw unprocessable('ORDER_ALREADY_CAPTURED', 'Order already captured.');
    }
    order.status = 'APPROVED';
    order.funding = funding;
    order.wallet = wallet;
    order.payment_source = {
      [wallet]: {
        email_address: 'buyer@example.com',
        account_id: id(13),
        name: { given_name: 'Dana', surname: 'Diaz' },
      },
    };
    order.update_time = stamp();
    return order;
  }

  /** A PENDING capture that PayPal completes (or denies) later. */
  settleCapture(captureId: string, status: 'COMPLETED' | 'DECLINED') {
    const capture = this.capture_(captureId);
    capture.status = status;
    delete capture.status_details;
    capture.update_time = stamp();
    return capture;
  }

  order(orderId: string): FakeOrder {
    const order = this.orders.get(orderId);
    if (!order) throw notFound(orderId);
    return order;
  }

  private capture_(captureId: string): FakeCapture {
    const capture = this.captures.get(captureId);
    if (!capture) throw notFound(captureId);
    return capture;
  }

  private createOrder(body: Body): unknown {
    if (body.intent !== 'CAPTURE' && body.intent !== 'AUTHORIZE') {
      throw invalid(
        '/intent',
        'MISSING_REQUIRED_PARAMETER',
        'A required field / parameter is missing.',
      );
    }
    const units = body.purchase_units as FakeOrder['purchase_units'] | undefined;
    if (!Array.isArray(units) || units.length !== 1) {
      throw invalid(
        '/purchase_units',
        'MISSING_REQUIRED_PARAMETER',
        'One purchase unit is required here.',
      );
    }
    const unit = units[0]!;
    const currency = unit.amount?.currency_code;
    if (!currency || !(currency in DECIMALS)) {
      throw unprocessable('CURRENCY_NOT_SUPPORTED', 'Currency code is not currently supported.');
    }
    const digits = DECIMALS[currency]!;
    const pattern = digits === 0 ? /^\d{1,10}$/ : new RegExp(`^\\d{1,10}(\\.\\d{1,${digits}})?$`);
    if (!pattern.test(unit.amount.value)) {
      throw unprocessable(
        'DECIMAL_PRECISION',
        'If the currency supports decimals, only two decimal place precision is supported.',
      );
    }
    if (cents(unit.amount) <= 0) {
      throw unprocessable('CANNOT_BE_ZERO_OR_NEGATIVE', 'Must be greater than zero.');
    }
    if (unit.invoice_id && this.invoiceIds.has(unit.invoice_id)) {
      throw unprocessable('DUPLICATE_INVOICE_ID', 'Duplicate Invoice ID detected.');
    }
    if (unit.invoice_id) this.invoiceIds.add(unit.invoice_id);
    const order: FakeOrder = {
      id: id(),
      intent: body.intent as string,
      status: 'CREATED',
      purchase_units: [{ ...unit, reference_id: unit.reference_id ?? 'default' }],
      create_time: stamp(),
      update_time: stamp(),
    };
    this.orders.set(order.id, order);
    return this.view(order);
  }

  private capture(order: FakeOrder): unknown {
    if (order.status === 'COMPLETED') {
      throw unprocessable(
        'ORDER_ALREADY_CAPTURED',
        'Order already captured. If intent=CAPTURE only one capture per order is allowed.',
      );
    }
    if (order.status !== 'APPROVED') {
      throw unprocessable(
        'ORDER_NOT_APPROVED',
        'Payer has not yet approved the Order for payment.',
      );
    }
    if (order.funding === 'declined') {
      // The buyer must choose another funding source in PayPal's window (actions.restart()).
      order.status = 'CREATED';
      throw unprocessable(
        'INSTRUMENT_DECLINED',
        "The instrument presented was either declined by the processor or bank, or it can't be used for this payment.",
      );
    }
    const unit = order.purchase_units[0]!;
    const status =
      order.funding === 'pending'
        ? 'PENDING'
        : order.funding === 'denied'
          ? 'DECLINED'
          : 'COMPLETED';
    const captureId = id();
    const capture: FakeCapture = {
      id: captureId,
      status,
      ...(status === 'PENDING' ? { status_details: { reason: 'PENDING_REVIEW' } } : {}),
      amount: { ...unit.amount },
      ...(unit.custom_id ? { custom_id: unit.custom_id } : {}),
      ...(unit.invoice_id ? { invoice_id: unit.invoice_id } : {}),
      final_capture: true,
      seller_protection: { status: 'ELIGIBLE' },
      supplementary_data: { related_ids: { order_id: order.id } },
      links: [
        { href: `${this.base()}/v2/payments/captures/${captureId}`, rel: 'self', method: 'GET' },
        {
          href: `${this.base()}/v2/payments/captures/${captureId}/refund`,
          rel: 'refund',
          method: 'POST',
        },
        { href: `${this.base()}/v2/checkout/orders/${order.id}`, rel: 'up', method: 'GET' },
      ],
      create_time: stamp(),
      update_time: stamp(),
      refunded: 0,
    };
    this.captures.set(captureId, capture);
    unit.payments = { captures: [capture], refunds: [] };
    order.status = 'COMPLETED';
    order.update_time = stamp();
    return this.view(order);
  }

  private refund(capture: FakeCapture, body: Body): unknown {
    if (capture.status === 'REFUNDED') {
      throw unprocessable('CAPTURE_FULLY_REFUNDED', 'The capture has already been fully refunded.');
    }
    if (capture.status !== 'COMPLETED' && capture.status !== 'PARTIALLY_REFUNDED') {
      throw unprocessable(
        'CAPTURE_STATUS_NOT_VALID',
        'Invalid capture status. Only COMPLETED or PARTIALLY_REFUNDED captures can be refunded.',
      );
    }
    const currency = capture.amount.currency_code;
    const asked = body.amount as Money | undefined;
    if (asked && asked.currency_code !== currency) {
      throw unprocessable(
        'REFUND_CURRENCY_MISMATCH',
        'Refund must be in the same currency as the capture.',
      );
    }
    const left = cents(capture.amount) - capture.refunded;
    const amount = asked ? cents(asked) : left;
    if (amount <= 0)
      throw unprocessable('CANNOT_BE_ZERO_OR_NEGATIVE', 'Must be greater than zero.');
    if (amount > left) {
      throw unprocessable(
        'REFUND_AMOUNT_EXCEEDED',
        'The refund amount must be less than or equal to the capture amount that has not yet been refunded.',
      );
    }
    capture.refunded += amount;
    capture.status = capture.refunded === cents(capture.amount) ? 'REFUNDED' : 'PARTIALLY_REFUNDED';
    const refundId = id();
    const refund: FakeRefund = {
      id: refundId,
      status: 'COMPLETED',
      amount: { currency_code: currency, value: value(amount, currency) },
      ...(typeof body.custom_id === 'string' ? { custom_id: body.custom_id } : {}),
      links: [
        { href: `${this.base()}/v2/payments/refunds/${refundId}`, rel: 'self', method: 'GET' },
        { href: `${this.base()}/v2/payments/captures/${capture.id}`, rel: 'up', method: 'GET' },
      ],
      create_time: stamp(),
      update_time: stamp(),
    };
    this.refunds.set(refundId, refund);
    const order = this.orders.get(capture.supplementary_data.related_ids.order_id);
    order?.purchase_units[0]?.payments?.refunds.push(refund);
    return refund;
  }

  /** An order as PayPal shows it (the stand-in's own fields left out). */
  view(order: FakeOrder): unknown {
    const { funding: _funding, wallet: _wallet, ...shown } = order;
    return {
      ...shown,
      purchase_units: order.purchase_units.map((unit) => ({
        ...unit,
        ...(unit.payments
          ? {
              payments: {
                captures: unit.payments.captures.map((c) => this.captureView(c)),
                ...(unit.payments.refunds.length ? { refunds: unit.payments.refunds } : {}),
              },
            }
          : {}),
      })),
      links: [
        { href: `${this.base()}/v2/checkout/orders/${order.id}`, rel: 'self', method: 'GET' },
        {
          href: `https://www.sandbox.paypal.com/checkoutnow?token=${order.id}`,
          rel: 'payer-action',
          method: 'GET',
        },
      ],
    };
  }

  captureView(capture: FakeCapture): unknown {
    const { refunded: _refunded, ...shown } = capture;
    return shown;
  }
}
