/**
 * The drawing surface of a drawn signature. signature_pad (~5 KB gzipped) is fetched with a
 * dynamic import only when the customer chooses to draw, so the element's bundle stays small
 * for everyone who types their name or never signs. The canvas follows its box (and the
 * screen's pixel density) without losing the strokes already drawn.
 */
import type SignaturePad from 'signature_pad';

export type PadState = 'idle' | 'loading' | 'ready' | 'failed';

export class DrawnSignature {
  state: PadState = 'idle';
  private pad: SignaturePad | null = null;
  private canvas: HTMLCanvasElement | null = null;
  private resizer: ResizeObserver | null = null;

  constructor(private readonly onChange: () => void) {}

  /** Loads signature_pad (once) and binds it to `canvas`. */
  async attach(canvas: HTMLCanvasElement): Promise<void> {
    // Called on every render of the sign step: the same canvas is already bound (or loading).
    if (this.canvas === canvas) return;
    this.detach();
    this.canvas = canvas;
    this.state = 'loading';
    this.onChange();
    try {
      const { default: Pad } = await import('signature_pad');
      if (this.canvas !== canvas) return;
      this.fit();
      this.pad = new Pad(canvas, { penColor: '#111827', minWidth: 0.9, maxWidth: 2.6 });
      this.pad.addEventListener('endStroke', () => this.onChange());
      this.resizer = new ResizeObserver(() => this.fit());
      this.resizer.observe(canvas);
      this.state = 'ready';
    } catch {
      this.state = 'failed';
    }
    this.onChange();
  }

  detach(): void {
    this.resizer?.disconnect();
    this.pad?.off();
    this.pad = null;
    this.canvas = null;
    this.resizer = null;
    this.state = 'idle';
  }

  get empty(): boolean {
    return !this.pad || this.pad.isEmpty();
  }

  clear(): void {
    this.pad?.clear();
    this.onChange();
  }

  /** The signature as a PNG data URL (transparent, ink only), what the server keeps. */
  toPng(): string | null {
    return this.pad && !this.pad.isEmpty() ? this.pad.toDataURL('image/png') : null;
  }

  /** Sizes the drawing buffer to the box × pixel density (at most 2×: enough ink, small PNG). */
  private fit(): void {
    const canvas = this.canvas;
    if (!canvas) return;
    const ratio = Math.min(Math.max(window.devicePixelRatio || 1, 1), 2);
    const width = Math.round(canvas.offsetWidth * ratio);
    const height = Math.round(canvas.offsetHeight * ratio);
    if (width === 0 || (canvas.width === width && canvas.height === height)) return;
    const strokes = this.pad?.toData();
    canvas.width = width;
    canvas.height = height;
    canvas.getContext('2d')?.scale(ratio, ratio);
    if (this.pad) {
      this.pad.clear();
      if (strokes?.length) this.pad.fromData(strokes);
    }
  }
}
