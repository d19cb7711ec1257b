/** The text of a PDF, as a reader's copy-and-paste would give it (pdf-parse, over PDF.js). */
import { PDFParse } from 'pdf-parse';

export async function pdfText(pdf: Uint8Array): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}
