// Validates a JSON-LD file against SHACL shapes (Turtle files), offline; prints the report as JSON.
// Usage: node validate.mjs data.jsonld shapes1.ttl [shapes2.ttl …]
import { readFileSync } from 'node:fs';
import { Parser as TurtleParser } from 'n3';
import { JsonLdParser } from 'jsonld-streaming-parser';
import rdf from '@zazuko/env';
import SHACLValidator from 'rdf-validate-shacl';

const [dataFile, ...shapeFiles] = process.argv.slice(2);
const OWL_IMPORTS = 'http://www.w3.org/2002/07/owl#imports';

const shapes = rdf.dataset();
for (const file of shapeFiles)
  for (const quad of new TurtleParser({ baseIRI: 'file:///' + file }).parse(readFileSync(file, 'utf8')))
    if (quad.predicate.value !== OWL_IMPORTS) // offline: the vocabularies are not fetched
      shapes.add(quad);

const data = rdf.dataset();
await new Promise((resolve, reject) => {
  const parser = new JsonLdParser({
    baseIRI: 'http://localhost/',
    documentLoader: { load: async (url) => { throw new Error(`remote context ${url}: the file must be self-contained`); } },
  });
  parser.on('data', (quad) => data.add(quad));
  parser.on('error', reject);
  parser.on('end', resolve);
  parser.write(readFileSync(dataFile, 'utf8'));
  parser.end();
});

const report = await new SHACLValidator(shapes, { factory: rdf }).validate(data);
const results = report.results.map((r) => ({
  severity: r.severity?.value?.split('#').pop(),
  focusNode: r.focusNode?.value,
  path: r.path?.value,
  message: r.message.map((m) => m.value).join(' '),
  shape: r.sourceShape?.value,
  constraint: r.sourceConstraintComponent?.value?.split('#').pop(),
}));
process.stdout.write(JSON.stringify({ conforms: report.conforms, triples: data.size, results }, null, 1) + '\n');
