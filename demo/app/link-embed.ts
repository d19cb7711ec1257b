/**
 * "Embed on a website" for one payment link: the script tag pinned with Subresource Integrity,
 * the iframe, and the two example pages opened on the link; the snippets are the element's
 * `embed.json`, fetched once per page when the first link's section is opened.
 */
import { css, html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Embed } from '../../shared/api/staff.ts';
import { demoStyles } from './styles.ts';

let embed: Promise<Embed | null> | null = null;
const embedInfo = () => {
  embed ??= fetch('/widget/embed.json').then((r) => (r.ok ? (r.json() as Promise<Embed>) : null));
  return embed;
};

@customElement('demo-link-embed')
export class DemoLinkEmbed extends LitElement {
  static override styles = [
    demoStyles,
    css`
      :host {
        display: block;
      }
      details {
        margin-top: 8px;
      }
    `,
  ];

  /** The link's token, put in the snippets and the examples' URLs. */
  @property() token = '';
  @state() private embed: Embed | null = null;

  override render() {
    const token = this.token;
    const snippet = (text: string | null | undefined) =>
      (text ?? '').replaceAll('LINK_TOKEN', token);
    return html`<details
      @toggle=${async (event: Event) => {
        if ((event.target as HTMLDetailsElement).open) this.embed = await embedInfo();
      }}
    >
      <summary>Embed on a website</summary>
      ${
        this.embed
          ? html`<p class="muted">Script tag, pinned with Subresource Integrity:</p>
            <pre>${snippet(this.embed.snippets.script_tag_pinned)}</pre>
            <p class="muted">Or an iframe (allowed origins only):</p>
            <pre>${snippet(this.embed.snippets.iframe)}</pre>
            <p class="row">
              <a href="/demo/examples/website.html?token=${token}" target="_blank" rel="noopener noreferrer"
                >Example website</a
              >
              <a href="/demo/examples/email-landing.html?token=${token}" target="_blank"
                rel="noopener noreferrer">Example email landing page</a>
            </p>`
          : html`<p class="muted">Loading…</p>`
      }
    </details>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'demo-link-embed': DemoLinkEmbed;
  }
}
