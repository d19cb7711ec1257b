/** The business's face on the card: logo (or its initial), name, test-mode badge; its contact block. */
import { html, nothing, type TemplateResult } from 'lit';
import type { Portal, PortalBusiness } from '../../shared/api/portal.ts';
import type { Localizer } from '../i18n/localize.ts';
import { safeImageUrl } from './brand.ts';

export function renderBusinessHeader(l: Localizer, portal: Portal): TemplateResult {
  const { business, provider } = portal;
  const logo = safeImageUrl(business.logo_url);
  const initial = [...business.name.trim()][0]?.toUpperCase() ?? '';
  // A logo that fails to load gives way to the initial, as when there is none (issue 11).
  return html`
    <header class="section header" part="header">
      ${
        logo
          ? html`<img class="logo" part="logo" src=${logo} alt=${business.name} @error=${showInitial} />
              <span class="logo monogram" part="logo" aria-hidden="true" hidden>${initial}</span>`
          : html`<span class="logo monogram" part="logo" aria-hidden="true">${initial}</span>`
      }
      <div class="business">
        <p class="business-name">${business.name}</p>
        ${provider.test_mode ? html`<span class="badge" part="test-badge">${l.t.testMode}</span>` : nothing}
      </div>
    </header>
  `;
}

function showInitial(event: Event): void {
  const image = event.target as HTMLImageElement;
  image.hidden = true;
  (image.nextElementSibling as HTMLElement | null)?.removeAttribute('hidden');
}

/** Address, phone and email, each a plain line; nothing when the business gave none. */
export function renderContact(
  l: Localizer,
  business: PortalBusiness,
): TemplateResult | typeof nothing {
  const { address, phone, email } = business;
  if (!address && !phone && !email) return nothing;
  return html`
    <address class="contact" part="contact">
      ${address ? html`<span>${address}</span>` : nothing}
      ${phone ? html`<a href=${`tel:${phone.replace(/[^\d+]/g, '')}`} aria-label=${l.t.call(phone)}>${phone}</a>` : nothing}
      ${email ? html`<a href=${`mailto:${email}`} aria-label=${l.t.email(email)}>${email}</a>` : nothing}
    </address>
  `;
}
