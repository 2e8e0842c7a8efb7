import { saveBlob } from '../../../components/save-file';

/** Saves text as a UTF-8 text file (nothing leaves the browser). */
export function downloadText(text: string, fileName: string): void {
  saveBlob(new Blob([text], { type: 'text/plain;charset=utf-8' }), fileName);
}
