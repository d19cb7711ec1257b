/** Drawn signatures as the signature pad makes them: real PNGs, sent as data URLs. */
import { PNG } from 'pngjs';

/** A real PNG: transparent, with a dark stroke across it unless `blank`. */
export function signaturePng(width = 320, height = 120, blank = false): Buffer {
  const png = new PNG({ width, height });
  png.data.fill(0);
  if (!blank) {
    for (let x = 20; x < width - 20; x += 1) {
      const y = Math.round(height / 2 + Math.sin(x / 18) * (height / 4));
      for (let dy = -2; dy <= 2; dy += 1) {
        const i = ((y + dy) * width + x) * 4;
        png.data[i] = 17;
        png.data[i + 1] = 24;
        png.data[i + 2] = 39;
        png.data[i + 3] = 255;
      }
    }
  }
  return PNG.sync.write(png);
}

/** A PNG larger than any signature kept: random pixels do not compress. */
export function hugePng(): Buffer {
  const png = new PNG({ width: 400, height: 400 });
  for (let i = 0; i < png.data.length; i += 1) png.data[i] = Math.floor(Math.random() * 256);
  return PNG.sync.write(png);
}

export const dataUrl = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;
