import { useRef, type ReactNode } from 'react';
import { Button, type ButtonProps } from '../../../components/button';

/** A button that opens the browser's file picker (files, or a whole folder). */
export function FilePickButton({
  children,
  onFiles,
  accept,
  multiple = false,
  folder = false,
  ...button
}: Omit<ButtonProps, 'onClick'> & {
  children: ReactNode;
  onFiles: (files: File[]) => void;
  accept?: string;
  multiple?: boolean;
  folder?: boolean;
}) {
  const input = useRef<HTMLInputElement>(null);
  const folderProps = folder ? ({ webkitdirectory: '', directory: '' } as Record<string, string>) : {};
  return (
    <>
      <Button {...button} onClick={() => input.current?.click()}>
        {children}
      </Button>
      <input
        ref={input}
        type="file"
        hidden
        tabIndex={-1}
        aria-hidden="true"
        accept={accept}
        multiple={multiple || folder}
        {...folderProps}
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          // Picking the same file again must fire again.
          e.target.value = '';
          if (files.length) onFiles(files);
        }}
      />
    </>
  );
}
