/**
 * English, the reference catalogue: every other language has exactly these keys (the type says so).
 * Figures arrive already formatted by `Intl`; a message only places them in a sentence. What the
 * entry draws itself (the loading skeleton, the notices) and the controllers say is here; the
 * words of the views loaded later (the account's, the confirmation, the history) are in
 * en-later.ts, which comes with them.
 */
import type { enLater } from './en-later.ts';

export const en = {
  loading: 'Loading your account…',
  testMode: 'Test mode',
  deadTitle: 'This payment link is no longer valid',
  deadBody: 'It may have expired or been replaced by a newer link.',
  deadAskBusiness: (name: string) => `Please contact ${name} for a new link:`,
  deadAskUnknown: 'Please contact the business that sent it to you and ask them for a new one.',
  failedTitle: "We couldn't load your account",
  failedBody: 'Check your internet connection and try again.',
  busyTitle: 'Too many attempts',
  busyBody: 'Please wait a minute, then try again.',
  retry: 'Try again',
  paidStatus: 'Paid',
  amountInvalid: (example: string) => `Enter an amount, like ${example}.`,
  amountTooLarge: (amount: string) => `You can pay at most ${amount}.`,
  amountTooSmall: (amount: string) => `The minimum payment is ${amount}.`,
  amountFullOnly: 'Please pay the full amount due.',
  nothingChosen: 'Choose at least one item to pay.',
  tipInvalid: (example: string) => `Enter a tip, like ${example}.`,
  card: 'Card',
  us_bank_account: 'Bank account',
  paypal: 'PayPal',
  removeFailed: "We couldn't remove this card. Please try again.",
  smsConsent: (business: string) =>
    `By checking this box, you agree to receive recurring automated text messages with payment reminders from ${business} at the number provided. Consent is not a condition of payment. Message frequency varies. Message and data rates may apply. Reply STOP to cancel, HELP for help.`,
  fixErrors: 'Please correct the highlighted fields.',
  formLoading: 'Loading the payment form…',
  formFailed: "We couldn't load the payment form.",
  historyLoading: 'Loading payments…',
  contact: 'Contact',
  originTitle: 'This page is not set up to show payments',
  originBody:
    'The business has not allowed payments on this website. Please open the link in your email or text message instead.',
  call: (phone: string) => `Call ${phone}`,
  email: (email: string) => `Email ${email}`,
};

/** Every message: the first paint's and the later views'. */
export type Messages = typeof en & typeof enLater;
