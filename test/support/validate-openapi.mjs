// Validates an OpenAPI document (JSON on stdin) with @apidevtools/swagger-parser, which is an ES
// module that jest's CommonJS runtime cannot load: the OpenAPI test runs this in its own node.
// Prints {"ok":true} or {"ok":false,"errors":[...]}.
import { Buffer } from 'node:buffer';
import process from 'node:process';
import SwaggerParser from '@apidevtools/swagger-parser';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
try {
  await SwaggerParser.validate(JSON.parse(Buffer.concat(chunks).toString('utf8')));
  process.stdout.write(JSON.stringify({ ok: true }));
} catch (error) {
  const details = Array.isArray(error.details) ? error.details.map((d) => `${(d.path ?? []).join('.')}: ${d.message}`) : [];
  process.stdout.write(JSON.stringify({ ok: false, errors: [error.message, ...details] }));
}
