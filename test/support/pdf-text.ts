/**
 * PDFs read back with pdf-parse (over PDF.js): the text as a reader's copy-and-paste would give it,
 * or the whole document (text, page count, images); and a document fetched as the customer's
 * browser or staff fetch it.
 */
import { PDFParse } from 'pdf-parse';
import type { StaffClient } from './staff-client.ts';

export async function pdfText(pdf: Uint8Array): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

/** Text with every run of spaces (NBSP and narrow NBSP included) as one plain space. */
export const plain = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, ' ');

/** A PDF read back whole: its text (spaces made plain), its page count and its images. */
export async function readPdf(bytes: Uint8Array) {
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    const text = await parser.getText();
    const images = await parser.getImage();
    return {
      text: plain(text.text),
      pages: text.total,
      images: images.pages.flatMap((page) => page.images),
    };
  } finally {
    await parser.destroy();
  }
}

/** Fetches a document as the customer's browser does, or as `staff` do with their key. */
export function pdfFetcher(server: {
  request(path: string, init?: RequestInit): Promise<Response>;
}) {
  return async (path: string, staff?: StaffClient) => {
    const response = await server.request(
      path,
      staff ? { headers: { authorization: `Bearer ${staff.apiKey}` } } : {},
    );
    return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
  };
}
