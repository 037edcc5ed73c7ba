// Bytes of a text file to text. Finnish Excel saves "CSV (comma delimited)" in Windows-1252,
// "CSV UTF-8" with a byte-order mark and "Unicode text" as UTF-16; Google and Mailchimp write UTF-8
// without a mark. A file that is not valid UTF-8 is read as Windows-1252, which decodes every byte,
// so ä and ö come out right either way (a Windows-1252 ä, byte E4, is never valid UTF-8 on its own).

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

const startsWith = (bytes: Uint8Array, mark: number[]) => mark.every((byte, i) => bytes[i] === byte);

export function decodeText(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (startsWith(bytes, [0xff, 0xfe])) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}
