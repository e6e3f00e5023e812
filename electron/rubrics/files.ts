/**
 * The rubric editor's files: a rubric read from the bytes of a rubric.json
 * or a rubric workbook, and a rubric written as either. Nothing here touches
 * the disk or the network: the renderer hands the bytes over and saves what
 * comes back.
 */
import { ReviewDeskError } from '../../shared/errors.ts';
import { RUBRIC_SCHEMA_VERSION, Rubric } from '../../shared/rubric/model.ts';
import { upgradeRubric } from '../../shared/rubric/upgrade.ts';
import { parseStrict } from '../formats/json.ts';

export type RubricFormat = 'json' | 'xlsx';

/** The largest rubric.json read: as large as a package's rubric.json may be (MAX_RUBRIC_JSON_BYTES, electron/packages/limits.ts; a test keeps them equal). */
export const MAX_RUBRIC_JSON_BYTES = 2 << 20;

/** Whether the bytes are a ZIP (an XLSX workbook) rather than JSON text. */
function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** A rubric from a rubric.json (schema 1 upgraded) or a workbook; refuses what the model refuses. */
export async function readRubricFile(fileName: string, bytes: Uint8Array): Promise<{ rubric: Rubric; format: RubricFormat }> {
  if (isZip(bytes) || fileName.toLowerCase().endsWith('.xlsx')) {
    const { fromXlsx } = await import('./xlsx.ts');
    return { rubric: await fromXlsx(bytes), format: 'xlsx' };
  }
  if (bytes.length > MAX_RUBRIC_JSON_BYTES)
    throw new ReviewDeskError('E_FILE_TOO_LARGE', { size: bytes.length, limit: MAX_RUBRIC_JSON_BYTES });
  const rubric = parseStrict(bytes, Rubric, fileName, {
    maxBytes: MAX_RUBRIC_JSON_BYTES,
    schemaVersion: RUBRIC_SCHEMA_VERSION,
    upgrade: upgradeRubric,
  });
  return { rubric, format: 'json' };
}

/** A file name from the rubric's id and version: rubric-<id>-v<version>.json or .xlsx. */
export function rubricFileName(r: Pick<Rubric, 'id' | 'version'>, format: RubricFormat): string {
  return `rubric-${r.id}-v${r.version}.${format}`;
}

/** The rubric as the bytes of a rubric.json (indented, as `reviewdesk rubric new` writes it) or of a workbook. */
export async function writeRubricFile(
  rubric: Rubric,
  format: RubricFormat,
): Promise<{ fileName: string; mediaType: string; bytes: Uint8Array<ArrayBuffer> }> {
  if (format === 'json') {
    return {
      fileName: rubricFileName(rubric, 'json'),
      mediaType: 'application/json',
      bytes: new TextEncoder().encode(JSON.stringify(rubric, null, 2) + '\n'),
    };
  }
  const { toXlsx } = await import('./xlsx.ts');
  return {
    fileName: rubricFileName(rubric, 'xlsx'),
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    bytes: new Uint8Array(await toXlsx(rubric)),
  };
}
