import { css } from 'lit';

export const statementStyles = css`
  .statement form {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 12px;
    padding-top: 8px;
  }
  .statement .input {
    min-width: 0;
  }
  .statement .button {
    grid-column: 1 / -1;
  }
`;
