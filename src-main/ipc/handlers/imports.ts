// Handlers of imports and exports: files arrive as base64 with their names and leave the same
// way, to be saved by the window as a download; messages follow the session's language.
import { addressLabels, mailingCount, mailingList, tableExport, type ExportedFile } from '../../core/exports';
import { previewImport, runImport, type ImportRequest, type ProgressCallback } from '../../core/imports';
import type { importChannels } from '../../../src-shared/contract/imports';
import { LISTED_CONFLICTS, LISTED_PROBLEMS } from '../../../src-shared/contract/imports';
import type { HandlersFor, HandlerContext } from '../registry';

type RequestInput = Omit<ImportRequest, 'files'> & { files: Array<{ fileName: string; base64: string }> };

function importRequest({ format, files, mapping, kindKey, sourceKey }: RequestInput): ImportRequest {
  return {
    format,
    files: files.map(({ fileName, base64 }) => ({ fileName, bytes: Buffer.from(base64, 'base64') })),
    ...(mapping ? { mapping } : {}),
    ...(kindKey ? { kindKey } : {}),
    ...(sourceKey ? { sourceKey } : {}),
  };
}

/**
 * Progress goes to the window as events. It also counts as activity: the user is watching a long
 * import, and the idle lock must not close the register under its open transaction.
 */
const progressTo =
  (ctx: HandlerContext): ProgressCallback =>
  (progress) => {
    ctx.session.touch();
    ctx.push({ type: 'import.progress', ...progress });
  };

const asBase64 = ({ bytes, ...file }: ExportedFile) => ({ ...file, base64: bytes.toString('base64') });
const language = (ctx: HandlerContext) => ctx.session.language;

export const importHandlers: HandlersFor<keyof typeof importChannels> = {
  'imports.preview': async (ctx, input) => {
    const preview = await previewImport(ctx.register, importRequest(input), language(ctx), progressTo(ctx));
    return {
      ...preview,
      problems: preview.problems.slice(0, LISTED_PROBLEMS),
      conflicts: preview.conflicts.slice(0, LISTED_CONFLICTS),
      sample: preview.sample.map((row) => ({
        ...row,
        values: row.values && Object.fromEntries(Object.entries(row.values).map(([k, v]) => [k, String(v)])),
      })),
    };
  },
  'imports.run': async (ctx, { badRows, conflicts, choices, ...input }) => {
    const outcome = await runImport(
      ctx.register,
      importRequest(input),
      { badRows, conflicts, ...(choices ? { choices } : {}) },
      language(ctx),
      progressTo(ctx),
    );
    return {
      ...outcome,
      problems: outcome.problems.slice(0, LISTED_PROBLEMS),
      unresolved: outcome.unresolved.slice(0, LISTED_CONFLICTS),
    };
  },
  'exports.mailingList': (ctx, { channel, purpose, query }) => {
    const result = mailingList(
      ctx.register,
      { channel, purpose, ...(query ? { selection: query } : {}) },
      language(ctx),
    );
    return { ...result, file: asBase64(result.file) };
  },
  'exports.mailingCount': (ctx, { channel, purpose, query }) =>
    mailingCount(ctx.register, { channel, purpose, ...(query ? { selection: query } : {}) }),
  'exports.labels': async (ctx, { query }) => {
    const result = await addressLabels(ctx.register, query ? { selection: query } : {}, language(ctx));
    return { ...result, file: asBase64(result.file) };
  },
  'exports.table': async (ctx, { query, format, columns }) => {
    const result = await tableExport(ctx.register, query, format, language(ctx), columns);
    return { ...result, file: asBase64(result.file) };
  },
};
