/**
 * The figures of a payment: what it applies to invoices and the account balance, the tip, the
 * convenience fee and the total. The widget shows them as the customer chooses; the server
 * computes them again from the ledger and charges only its own result.
 */
import { applyBasisPoints, isAmount, percentToBasisPoints } from './money.ts';

/** `paypal`: PayPal's own window (with Venmo where PayPal offers it), beside the card provider. */
export type PaymentMethodKind = 'card' | 'us_bank_account' | 'paypal';

/** US bank account debits (ACH) are for US dollars only; every other currency is paid by card. */
export function paymentMethodsFor(currency: string): PaymentMethodKind[] {
  return currency.toLowerCase() === 'usd' ? ['card', 'us_bank_account'] : ['card'];
}

export interface ConvenienceFee {
  /** Percentage in basis points (300 = 3 %). */
  percent_bps: number;
  /** Fixed amount in minor units. */
  fixed: number;
}

export type TipChoice = { percent: number } | { amount: number } | null | undefined;

export interface QuoteInput {
  invoices: { id: string; amount: number }[];
  balance_amount: number;
  tip?: TipChoice;
  method?: PaymentMethodKind | null;
}

export interface Quote {
  subtotal: number;
  tip: number;
  fee: number;
  total: number;
}

/** The tip on `subtotal`: a percentage (whole or with two decimals) or a fixed amount. */
export function tipAmount(subtotal: number, tip: TipChoice): number {
  if (!tip) return 0;
  if ('amount' in tip) return tip.amount;
  return applyBasisPoints(subtotal, percentToBasisPoints(tip.percent));
}

/**
 * The convenience fee for a method. It is taken on what the provider charges before the fee
 * (subtotal and tip), once; the tip is never computed on the fee.
 */
export function convenienceFee(base: number, fee: ConvenienceFee | undefined): number {
  if (!fee || base === 0) return 0;
  return applyBasisPoints(base, fee.percent_bps) + fee.fixed;
}

export function computeQuote(
  input: QuoteInput,
  fees: Partial<Record<PaymentMethodKind, ConvenienceFee>>,
): Quote {
  const subtotal = input.invoices.reduce(
    (sum, invoice) => sum + invoice.amount,
    input.balance_amount,
  );
  const tip = tipAmount(subtotal, input.tip);
  const fee = input.method ? convenienceFee(subtotal + tip, fees[input.method]) : 0;
  return { subtotal, tip, fee, total: subtotal + tip + fee };
}

/** What is open to pay, as the portal API describes it. */
export interface PayableState {
  invoices: { id: string; amount_due: number }[];
  /** Account charges that no invoice holds. */
  balance_due: number;
  partial_payments: { enabled: boolean; minimum: number };
  tip_options: { percentages: number[]; custom: boolean };
}

export interface QuoteProblem {
  param: string;
  code:
    | 'amount_too_large'
    | 'amount_too_small'
    | 'partial_not_allowed'
    | 'unknown_invoice'
    | 'duplicate_invoice'
    | 'nothing_to_pay'
    | 'tip_not_offered'
    | 'invalid_amount';
  message: string;
}

/** Checks a customer's choices against what is due; an empty list means the quote can be made. */
export function checkQuoteInput(input: QuoteInput, state: PayableState): QuoteProblem[] {
  const problems: QuoteProblem[] = [];
  const seen = new Set<string>();
  input.invoices.forEach((choice, index) => {
    const param = `invoices[${index}].amount`;
    const invoice = state.invoices.find((candidate) => candidate.id === choice.id);
    if (!invoice) {
      problems.push({
        param: `invoices[${index}].id`,
        code: 'unknown_invoice',
        message: 'This invoice is not open on this link.',
      });
      return;
    }
    if (seen.has(choice.id)) {
      problems.push({
        param: `invoices[${index}].id`,
        code: 'duplicate_invoice',
        message: 'An invoice may be chosen once.',
      });
      return;
    }
    seen.add(choice.id);
    problems.push(
      ...checkPartAmount(choice.amount, invoice.amount_due, state.partial_payments, param),
    );
  });
  if (input.balance_amount !== 0) {
    problems.push(
      ...checkPartAmount(
        input.balance_amount,
        state.balance_due,
        state.partial_payments,
        'balance_amount',
      ),
    );
  }
  const subtotal = input.invoices.reduce(
    (sum, choice) => sum + choice.amount,
    input.balance_amount,
  );
  if (problems.length === 0 && subtotal <= 0) {
    problems.push({
      param: 'invoices',
      code: 'nothing_to_pay',
      message: 'Choose at least one invoice or an amount to pay.',
    });
  }
  const tip = input.tip;
  if (tip && 'percent' in tip && !state.tip_options.percentages.includes(tip.percent)) {
    problems.push({
      param: 'tip.percent',
      code: 'tip_not_offered',
      message: 'This tip percentage is not offered.',
    });
  }
  if (tip && 'amount' in tip) {
    if (!state.tip_options.custom) {
      problems.push({
        param: 'tip.amount',
        code: 'tip_not_offered',
        message: 'A custom tip is not offered.',
      });
    } else if (!isAmount(tip.amount)) {
      problems.push({
        param: 'tip.amount',
        code: 'invalid_amount',
        message: 'The tip must be a whole number of minor units, zero or more.',
      });
    }
  }
  return problems;
}

function checkPartAmount(
  amount: number,
  due: number,
  partial: PayableState['partial_payments'],
  param: string,
): QuoteProblem[] {
  if (!isAmount(amount, 1)) {
    return [
      {
        param,
        code: 'invalid_amount',
        message: 'The amount must be a positive whole number of minor units.',
      },
    ];
  }
  if (amount > due) {
    return [{ param, code: 'amount_too_large', message: 'The amount is more than is due.' }];
  }
  if (amount < due && !partial.enabled) {
    return [
      { param, code: 'partial_not_allowed', message: 'This business takes full payments only.' },
    ];
  }
  if (amount < due && amount < partial.minimum) {
    return [
      { param, code: 'amount_too_small', message: 'The amount is below the minimum payment.' },
    ];
  }
  return [];
}
