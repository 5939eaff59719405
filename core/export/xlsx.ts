import { strToU8, zipSync } from 'fflate';

/**
 * A minimal XLSX writer: sheets of inline text cells, so no value is ever read as a number,
 * a date or a formula. Written by hand (about a page of XML) rather than with a library: the
 * ones tried keyed their shared-string table by cell text in a plain object, which breaks on
 * cells such as "constructor".
 */

/** Characters XML 1.0 cannot hold, and CR, which XML readers turn into LF. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000d\u000e-\u001f\ufffe\uffff]/g;

/**
 * XLSX text (ECMA-376 ST_Xstring) writes such characters as `_xHHHH_`, and a literal `_xHHHH_`
 * with its underscore escaped as `_x005F_`; readers undo both, so text survives byte for byte.
 */
function escapeXlsxText(text: string): string {
  return text
    .replace(/_(?=x[0-9A-Fa-f]{4}_)/g, '_x005F_')
    .replace(NOT_XML, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}

function sheetXml(rows: string[][]): string {
  const body = rows.map((row, r) => {
    const cells = row.map((cell, c) =>
      cell === ''
        ? ''
        : `<c r="${columnName(c)}${r + 1}" t="inlineStr"><is><t xml:space="preserve">${escapeXlsxText(cell)}</t></is></c>`,
    );
    return `<row r="${r + 1}">${cells.join('')}</row>`;
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="${MAIN}"><sheetData>${body.join('')}</sheetData></worksheet>`;
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** One sheet of a workbook: its name (at most 31 characters, none of `[]:*?/\\`) and its rows. */
export interface Sheet {
  name: string;
  rows: string[][];
}

function packageParts(names: string[]): Record<string, string> {
  const type = 'application/vnd.openxmlformats-officedocument';
  const numbers = names.map((_, i) => i + 1);
  const overrides = numbers
    .map(
      (n) =>
        `<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="${type}.spreadsheetml.worksheet+xml"/>`,
    )
    .join('');
  const sheets = names
    .map(
      (name, i) => `<sheet name="${escapeXlsxText(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`,
    )
    .join('');
  const sheetRels = numbers
    .map(
      (n) =>
        `<Relationship Id="rId${n}" Type="${REL}/worksheet" Target="worksheets/sheet${n}.xml"/>`,
    )
    .join('');
  const styles = names.length + 1;
  return {
    '[Content_Types].xml': `${XML}<Types xmlns="${PKG}/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${type}.spreadsheetml.sheet.main+xml"/>${overrides}<Override PartName="/xl/styles.xml" ContentType="${type}.spreadsheetml.styles+xml"/></Types>`,
    '_rels/.rels': `${XML}<Relationships xmlns="${PKG}/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheets}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `${XML}<Relationships xmlns="${PKG}/relationships">${sheetRels}<Relationship Id="rId${styles}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    'xl/styles.xml': `${XML}<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`,
  };
}

/** A workbook of one sheet. */
export function toXlsx(rows: string[][], sheet: string): Buffer {
  return toWorkbook([{ name: sheet, rows }]);
}

/** The workbook's bytes: one sheet per entry, in order. */
export function toWorkbook(sheets: Sheet[]): Buffer {
  const parts: Record<string, string> = packageParts(sheets.map((sheet) => sheet.name));
  sheets.forEach((sheet, i) => (parts[`xl/worksheets/sheet${i + 1}.xml`] = sheetXml(sheet.rows)));
  const files = Object.fromEntries(
    Object.entries(parts).map(([name, xml]) => [name, strToU8(xml)]),
  );
  return Buffer.from(zipSync(files, { level: 6 }));
}
