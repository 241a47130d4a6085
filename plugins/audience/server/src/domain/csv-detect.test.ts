import { detectDelimiter, detectEncoding, headerOf, looksBinary } from './csv-detect';

describe('detectEncoding', () => {
  it('trusts a byte order mark', () => {
    expect(detectEncoding(Buffer.from('\ufeffemail\n', 'utf8'))).toEqual({ encoding: 'utf-8', bom: true });
    expect(detectEncoding(Buffer.from([0xff, 0xfe, 0x65, 0x00]))).toEqual({ encoding: 'utf-16le', bom: true });
    expect(detectEncoding(Buffer.from([0xfe, 0xff, 0x00, 0x65]))).toEqual({ encoding: 'utf-16be', bom: true });
  });

  it('takes valid UTF-8 as UTF-8, even when the sample cuts a character in half', () => {
    const text = Buffer.from('name\nMüller José', 'utf8');
    expect(detectEncoding(text)).toEqual({ encoding: 'utf-8', bom: false });
    expect(detectEncoding(text.subarray(0, text.length - 1), true)).toEqual({ encoding: 'utf-8', bom: false });
    expect(detectEncoding(text.subarray(0, text.length - 1))).toEqual({ encoding: 'latin1', bom: false });
  });

  it('falls back to latin-1, or Windows-1252 when bytes only it prints are present', () => {
    expect(detectEncoding(Buffer.from('name\nJosé', 'latin1'))).toEqual({ encoding: 'latin1', bom: false });
    expect(detectEncoding(Buffer.from([0x80, 0x20, 0x35]))).toEqual({ encoding: 'windows-1252', bom: false });
  });
});

describe('detectDelimiter', () => {
  it('finds the delimiter that splits every line alike', () => {
    expect(detectDelimiter('email,name\na@x.test,A\n')).toBe(',');
    expect(detectDelimiter('email;name;note\na@x.test;A;"one, two"\nb@x.test;B;three, four\n')).toBe(';');
    expect(detectDelimiter('email\tname\na@x.test\tA\n')).toBe('\t');
    expect(detectDelimiter('email|name\na@x.test|A\n')).toBe('|');
  });

  it('is not fooled by delimiters inside quotes, nor by a last line cut short', () => {
    expect(detectDelimiter('"last, first";email\n"Doe, J";j@x.test\n"Roe, R";r@x.te')).toBe(';');
  });

  it('reads a one-column file as comma-separated', () => {
    expect(detectDelimiter('email\na@x.test\n')).toBe(',');
  });
});

describe('headerOf and looksBinary', () => {
  it('reads the trimmed column names of the first record', () => {
    expect(headerOf('\ufeff Email ;"First; name"\na;b\n', ';')).toEqual(['Email', 'First; name']);
    expect(headerOf('', ',')).toEqual([]);
  });

  it('tells text from binary files', () => {
    expect(looksBinary('email\na@x.test')).toBe(false);
    expect(looksBinary('PK\u0003\u0004\u0000')).toBe(true);
  });
});
