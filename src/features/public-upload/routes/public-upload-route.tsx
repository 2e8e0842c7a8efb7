// The public upload page (PARITY B4, docs/decisions/009-public-upload.md): outside the login, it reads the
// link from the address's fragment and talks only to the storage the link points at, never to OSCAR.
import { useEffect, useMemo } from 'react';
import { useLocation } from 'react-router';
import { DEMO_ENDPOINT, ensureDemo } from '../../../api/demo';
import { pageTitle } from '../../../components/page-title';
import { Name } from '../../../components/name';
import { decodeUploadLink, UploadLinkError, type UploadLink } from '../../../lib/public-upload/link';
import { assetUrl } from '../../../lib/deploy/mode';
import { PublicUploadPage } from '../components/public-upload-page';

const noWait = () => Promise.resolve();
// The demo cluster's storage answers only inside a page that runs the demo: start it for its links.
const startDemo = () => ensureDemo();

function read(hash: string, search: string): UploadLink | UploadLinkError {
  // A pasted OSCAR Dashboard link in an open tab arrives as a query (#/upload?presignedUrl=…).
  const fragment = hash.replace(/^#/, '') || (/[?&]presignedUrl=/.test(search) ? search.replace(/^\?/, '') : '');
  try {
    return decodeUploadLink(fragment);
  } catch (e) {
    return e instanceof UploadLinkError ? e : new UploadLinkError(String(e));
  }
}

export function Component() {
  const { hash, search } = useLocation();
  const link = useMemo(() => read(hash, search), [hash, search]);
  const ok = !(link instanceof UploadLinkError);
  useEffect(() => {
    document.title = pageTitle(ok ? `Send files to ${link.bucket}/${link.folder}` : 'Send files');
  }, [ok, link]);
  const demo = ok && link.slots[0]!.url.startsWith(`${DEMO_ENDPOINT}/`);
  return (
    <main className="flex min-h-full justify-center px-4 py-10 sm:py-16">
      <div className="flex w-full max-w-2xl flex-col gap-6">
        <div className="flex items-center gap-2 text-sm text-muted">
          <img src={assetUrl('favicon.svg')} alt="" className="size-6" />
          <span>Lagoon file drop</span>
        </div>
        {ok ? (
          <PublicUploadPage link={link} beforeSend={demo ? startDemo : noWait} />
        ) : (
          <div role="alert" className="flex flex-col gap-2 rounded-lg border border-danger/40 bg-danger-soft px-5 py-4">
            <h1 className="text-xl font-semibold text-danger">This upload link cannot be used</h1>
            <p className="break-words">
              <Name value={link.message} />
            </p>
          </div>
        )}
      </div>
    </main>
  );
}
