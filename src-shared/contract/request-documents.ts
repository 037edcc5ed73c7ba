// Channels that write files for a request: the subject's data package and the letters. The
// folder comes from the system dialog main opens (see Dialogs in the registry), never from input.
import { z } from 'zod';
import { WRITERS, type Channel } from './base';
import { newPassword } from './new-password';
import { entityId } from './register-fields';

const written = z.object({
  folder: z.string(),
  files: z.array(z.object({ name: z.string(), bytes: z.number().int(), sha256: z.string() })),
});

export const requestDocumentChannels = {
  /** Writes the subject's package to a folder the user picks in the system dialog; null = cancelled. */
  'requests.exportPackage': {
    input: z.object({ id: entityId, personId: entityId, password: newPassword.optional() }).strict(),
    output: written.nullable(),
    access: WRITERS,
  },
  /** The reply letter, or the refusal certificate, as HTML to preview. */
  'requests.letter': {
    input: z.object({ id: entityId, kind: z.enum(['reply', 'certificate']) }).strict(),
    output: z.object({ html: z.string(), fileStem: z.string() }),
    access: WRITERS,
  },
  /** The same as HTML and PDF files in a folder the user picks; null = cancelled. */
  'requests.saveLetter': {
    input: z.object({ id: entityId, kind: z.enum(['reply', 'certificate']) }).strict(),
    output: written.nullable(),
    access: WRITERS,
  },
} as const satisfies Record<string, Channel>;
