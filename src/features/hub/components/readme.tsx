import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import Markdown, { defaultUrlTransform, type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import type { HubConfig } from '../../../lib/config/hub';
import { hubQueries } from '../api/queries';
import { rawUrl } from '../lib/github';
import type { HubSource } from '../lib/sources';
import { imageType, useObjectUrl } from '../hooks/use-object-url';

/** A path inside the crate's folder for a relative link or image, or null (absolute, or leaving the folder). */
export function crateRelative(href: string, files: readonly string[]): string | null {
  if (!href || /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('/') || href.startsWith('#') || href.startsWith('//')) return null;
  const parts: string[] = [];
  for (const seg of href.split(/[?#]/)[0]!.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(decodeURIComponent(seg));
  }
  const path = parts.join('/');
  return files.includes(path) ? path : null;
}

function CrateImage({ config, source, path, alt }: { config: HubConfig; source: HubSource; path: string; alt: string }) {
  const type = imageType(path);
  const bytes = useQuery({ ...hubQueries.bytes(config, source, path), enabled: type !== null });
  const url = useObjectUrl(bytes.data, type ?? 'application/octet-stream');
  if (!url) return <span className="text-muted">[{alt || 'image'}]</span>;
  return <img src={url} alt={alt} className="my-2 max-h-96 max-w-full rounded border border-line" />;
}

const shift = (Tag: 'h3' | 'h4' | 'h5' | 'h6', className: string) =>
  function Heading({ children }: { children?: ReactNode }) {
    return <Tag className={className}>{children}</Tag>;
  };

/**
 * A crate's README as React elements (react-markdown, GitHub's flavour): raw HTML stays visible text, so
 * a <script> or an <img onerror> in it does nothing; links open in a new tab without the opener or a
 * referrer, and unsafe schemes (javascript:) are dropped; images come only from the crate's own files.
 * Its headings sit under the page's (# is a level-3 heading here).
 */
export function Readme({
  text,
  config,
  source,
  folder,
  files,
}: {
  text: string;
  config: HubConfig;
  source: HubSource;
  /** The crate's folder in the repository, for its relative links. */
  folder: string;
  files: readonly string[];
}) {
  const components: Components = {
    h1: shift('h3', 'mt-4 mb-2 text-lg font-semibold'),
    h2: shift('h4', 'mt-4 mb-2 text-base font-semibold'),
    h3: shift('h5', 'mt-3 mb-1 font-semibold'),
    h4: shift('h6', 'mt-3 mb-1 font-semibold'),
    h5: shift('h6', 'mt-3 mb-1 font-semibold'),
    h6: shift('h6', 'mt-3 mb-1 font-semibold'),
    a({ href, children }) {
      const own = href ? crateRelative(href, files) : null;
      const target = own !== null ? rawUrl(config, source, folder ? `${folder}/${own}` : own) : href && /^(https?:|mailto:)/i.test(href) ? href : null;
      if (!target) return <span className="underline decoration-dotted">{children}</span>;
      return (
        <a href={target} target="_blank" rel="noopener noreferrer" className="text-accent underline underline-offset-2">
          {children}
        </a>
      );
    },
    img({ src, alt }) {
      const own = typeof src === 'string' ? crateRelative(src, files) : null;
      if (own === null) return <span className="text-muted">[{alt || 'image'}]</span>;
      return <CrateImage config={config} source={source} path={folder ? `${folder}/${own}` : own} alt={alt ?? ''} />;
    },
    pre({ children }) {
      return <pre className="my-2 overflow-x-auto rounded-md border border-line bg-canvas p-3 font-mono text-[0.8125rem] leading-5">{children}</pre>;
    },
    table({ children }) {
      return (
        <div className="my-2 overflow-x-auto">
          <table className="text-sm [&_td]:border [&_td]:border-line [&_td]:px-2 [&_td]:py-1 [&_th]:border [&_th]:border-line [&_th]:px-2 [&_th]:py-1">{children}</table>
        </div>
      );
    },
  };
  return (
    <div className="text-sm leading-6 break-words [&_blockquote]:border-l-2 [&_blockquote]:border-line [&_blockquote]:pl-3 [&_code]:font-mono [&_li]:my-0.5 [&_ol]:my-2 [&_ol]:list-decimal [&_ol]:pl-6 [&_p]:my-2 [&_ul]:my-2 [&_ul]:list-disc [&_ul]:pl-6">
      <Markdown remarkPlugins={[remarkGfm]} components={components} urlTransform={defaultUrlTransform}>
        {text}
      </Markdown>
    </div>
  );
}
