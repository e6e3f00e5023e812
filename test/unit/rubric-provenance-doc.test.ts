/** docs/rubric-provenance.md is what the templates say about their sources, generated and kept true here. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { RUBRIC_TEMPLATES } from '../../shared/rubric/templates/index.ts';
import { provenanceDoc } from '../helpers/provenance-doc.ts';

const file = join(import.meta.dirname, '../../docs/rubric-provenance.md');

describe('docs/rubric-provenance.md', () => {
  it('is the provenance table generated from the templates', async () => {
    const options = (await prettier.resolveConfig(file)) ?? {};
    const expected = await prettier.format(provenanceDoc(RUBRIC_TEMPLATES), { ...options, filepath: file });
    if (process.env.UPDATE_PROVENANCE_DOC) writeFileSync(file, expected);
    expect(readFileSync(file, 'utf8')).toBe(expected);
    for (const t of RUBRIC_TEMPLATES) expect(expected).toContain(`## ${t.id} — `);
  });
});
