// The PDF uses the standard Helvetica fonts, which need no font file but can only show the
// Windows-1252 (WinAnsi) characters: all of Finnish and Swedish (ä ö å), €, and most Western
// European letters. Anything else is written as its nearest WinAnsi letter, so a name like
// "Łukasz" prints as "Lukasz" rather than as garbage; the HTML and JSON keep the exact text.

/** Characters above U+00FF that WinAnsi has (its 0x80–0x9F block), as pdfkit maps them. */
const WIN_ANSI_EXTRAS = new Set(
  [
    402, 8211, 8212, 8216, 8217, 8218, 8220, 8221, 8222, 8224, 8225, 8226, 8230, 8364, 8240, 8249, 8250, 710, 8482, 338,
    339, 732, 352, 353, 376, 381, 382,
  ].map((code) => String.fromCodePoint(code)),
);

/** Letters that Unicode does not decompose into a base letter and a mark. */
const NEAREST: Record<string, string> = {
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  Ħ: 'H',
  ħ: 'h',
  ı: 'i',
  Ŋ: 'N',
  ŋ: 'n',
  Ŧ: 'T',
  ŧ: 't',
  '\u2010': '-',
  '\u2011': '-',
  '\u2212': '-',
  '\u00a0': ' ',
  '\u202f': ' ',
};

export function isWinAnsi(char: string): boolean {
  const code = char.codePointAt(0)!;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRAS.has(char);
}

function nearest(char: string): string {
  if (char === '\t') return ' ';
  const mapped = NEAREST[char];
  if (mapped !== undefined) return mapped;
  // Č → C + caron: keep the base letter(s) WinAnsi has; Ä stays Ä because it was already WinAnsi.
  const base = [...char.normalize('NFD')].filter((part) => isWinAnsi(part)).join('');
  return base === '' ? '?' : base;
}

export function toWinAnsi(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC')) out += isWinAnsi(char) ? char : nearest(char);
  return out;
}
