/** `npm run generate:client`: client/schema.ts from the server's OpenAPI document. */
import { writeFileSync } from 'node:fs';
import { clientSchema, serverDocument } from './client-schema.ts';

const text = await clientSchema(await serverDocument());
writeFileSync(new URL('../client/schema.ts', import.meta.url), text);
process.stdout.write(`client/schema.ts written (${text.length} characters)\n`);
