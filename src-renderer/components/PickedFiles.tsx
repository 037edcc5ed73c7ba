// The files a user has picked (for an import, or a request's attachments): name, size and a
// remove button each, so nothing is sent that they did not mean to.
import { useI18n } from '../i18n';
import { fileSize } from './format';

export function PickedFiles({
  files,
  removeText,
  removeLabel,
  onRemove,
  disabled,
}: {
  files: ReadonlyArray<{ fileName: string; size: number }>;
  removeText: string;
  /** The remove button's accessible name for one file. */
  removeLabel: (fileName: string) => string;
  onRemove: (index: number) => void;
  disabled?: boolean;
}) {
  const { language } = useI18n();
  if (files.length === 0) return null;
  return (
    <ul className="plain-list file-list">
      {files.map((file, index) => (
        <li key={`${file.fileName}-${index}`}>
          <span>
            {file.fileName} <span className="muted">({fileSize(file.size, language)})</span>
          </span>
          <button
            type="button"
            className="link-button"
            aria-label={removeLabel(file.fileName)}
            onClick={() => onRemove(index)}
            disabled={disabled}
          >
            {removeText}
          </button>
        </li>
      ))}
    </ul>
  );
}
