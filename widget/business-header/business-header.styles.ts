import { css } from 'lit';

export const businessHeaderStyles = css`
  .header {
    display: flex;
    align-items: center;
    gap: 12px;
    min-height: calc(48px + var(--_space) * 2);
  }
  .logo {
    width: 48px;
    height: 48px;
    flex: none;
    border-radius: 10px;
    object-fit: contain;
  }
  .logo[hidden] {
    display: none;
  }
  .monogram {
    border-radius: 50%;
    display: grid;
    place-items: center;
    background: var(--_brand);
    color: var(--_on-brand);
    font-weight: 700;
    font-size: 1.25rem;
  }
  .business {
    flex: 1;
    min-width: 0;
    display: grid;
    justify-items: start;
    gap: 2px;
  }
  .business-name {
    font-weight: 650;
    font-size: 1.0625rem;
    line-height: 24px;
    max-height: 48px;
    overflow: hidden;
    overflow-wrap: break-word;
    display: -webkit-box;
    -webkit-line-clamp: 2;
    -webkit-box-orient: vertical;
  }
  /* Name and badge fit the logo's 48px, as the loading skeleton drew it. */
  .business:has(.badge) .business-name {
    -webkit-line-clamp: 1;
    max-height: 24px;
  }
  .badge {
    padding: 0 8px;
    line-height: 20px;
    border-radius: 999px;
    background: #fef3c7;
    color: #78350f;
    font-size: 0.75rem;
    font-weight: 600;
  }
  .contact {
    display: grid;
    gap: 2px;
    font-style: normal;
    font-size: 0.875rem;
    color: var(--_muted);
    overflow-wrap: anywhere;
  }
  .contact a {
    min-height: 24px;
    width: fit-content;
  }
`;
