/** The estimate view's DOM events: all bubble and are composed (they cross the shadow roots). */

/** `pay-portal-deposit`: the customer approved an estimate that asks for a deposit. */
export interface DepositDetail {
  estimate: string;
  /** Minor units. */
  amount: number;
  currency: string;
}

/** `pay-portal-estimate-decided`: an approval or a decline was recorded. */
export interface EstimateDecidedDetail {
  estimate: string;
  status: 'approved' | 'declined';
  deposit_required: { amount: number; currency: string } | null;
}

/** `pay-portal-estimate-question`: a question went to the business. */
export interface EstimateQuestionDetail {
  estimate: string;
  question: string;
}
