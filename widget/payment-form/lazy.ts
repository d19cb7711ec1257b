/**
 * The payment forms, loaded when the payment block first shows. The element's own build replaces
 * this file with imports of content-hashed files beside the script (widget/build/lazy-parts.ts);
 * elsewhere (the browser tests, an app bundling widget/index.ts) these are plain dynamic imports.
 */
export const loadSandboxForm = () => import('../sandbox-form/sandbox-form.ts');
export const loadStripeForm = () => import('../stripe-form/stripe-form.ts');
