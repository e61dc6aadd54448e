import { describe, expect, it } from 'vitest';
import { CsvFileError, readCsvRows } from '../../src/import/read-csv-rows.js';

const read = (text: string | Buffer) => readCsvRows(typeof text === 'string' ? Buffer.from(text) : text);

describe('reading a CSV file', () => {
  it('drops the byte-order mark and keeps the line each row starts on, whatever the line endings', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const file = read(`\ufeffa,b${eol}1,2${eol}${eol}"x${eol}y",3${eol}4,5${eol}`);
      expect(file.header).toEqual(['a', 'b']);
      expect(file.rows.map((row) => [row.row, row.line, row.cells[0]])).toEqual([
        [1, 2, '1'],
        [2, 4, `x${eol}y`],
        [3, 6, '4'],
      ]);
    }
  });

  it('skips rows without any value, as spreadsheets leave at the end', () => {
    expect(read('a,b\n1,2\n,\n , \n').rows).toHaveLength(1);
  });

  it('keeps rows with too few or too many values for the import to report', () => {
    expect(read('a,b\n1\n1,2,3\n').rows.map((row) => row.cells.length)).toEqual([1, 3]);
  });

  it('refuses an empty file, a broken quote and text that is not UTF-8', () => {
    expect(() => read('')).toThrow(/the file is empty/);
    expect(() => read('a,b\n"open,2\n')).toThrow(CsvFileError);
    expect(() => read(Buffer.from([0x61, 0x2c, 0x62, 0x0a, 0xe9, 0x2c, 0x31, 0x0a]))).toThrow(/not UTF-8/);
  });
});
