import { css } from 'lit';

export const statusStyles = css`
  .bone {
    display: block;
    border-radius: 6px;
    background: linear-gradient(90deg, #eceef1 0%, #f5f6f8 50%, #eceef1 100%);
    background-size: 200% 100%;
    animation: shimmer 1.4s ease-in-out infinite;
  }
  .bone.line {
    height: 14px;
  }
  .w30 {
    width: 30%;
  }
  .w35 {
    width: 35%;
  }
  .w40 {
    width: 40%;
  }
  .w45 {
    width: 45%;
  }
  .w55 {
    width: 55%;
  }
  .skeleton .logo {
    border-radius: 50%;
  }
  .greeting-bone {
    margin: 5px 0;
  }
  .skeleton .balance-body {
    display: grid;
    align-content: center;
    gap: 12px;
  }
  .amount-bone {
    height: 36px;
  }
  .skeleton .footer .bone {
    margin: 15px 0;
  }
  @keyframes shimmer {
    from {
      background-position: 100% 0;
    }
    to {
      background-position: -100% 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .bone {
      animation: none;
    }
  }
  .notice {
    display: grid;
    gap: 10px;
    justify-items: start;
    padding-block: calc(var(--_space) * 1.75);
  }
  .notice-icon {
    width: 40px;
    height: 40px;
    border-radius: 50%;
    display: grid;
    place-items: center;
    font-weight: 700;
    background: color-mix(in srgb, var(--_danger) 12%, transparent);
    color: var(--_danger);
  }
  .notice-icon::before {
    content: '!' / '';
  }
`;
