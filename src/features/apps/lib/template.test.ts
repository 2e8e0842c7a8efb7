import { describe, expect, it } from 'vitest';
import { fetchTemplate, TemplateError } from './template';

const source = { fdl: 'https://raw.example/juno.yaml', script: 'https://raw.example/script.sh' };
const FDL = 'functions:\n  oscar:\n  - oscar-cluster:\n      name: juno\n      image: ghcr.io/grycap/juno\n      script: script.sh\n';

function fakeFetch(answers: Record<string, Response | Error>): typeof fetch {
  return (async (input: RequestInfo | URL) => {
    const a = answers[String(input)];
    if (a instanceof Error) throw a;
    return a ?? new Response('404: Not Found', { status: 404, statusText: 'Not Found' });
  }) as typeof fetch;
}

async function failure(p: Promise<unknown>): Promise<TemplateError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof TemplateError) return e;
    throw e;
  }
  throw new Error('expected a TemplateError');
}

describe('fetchTemplate', () => {
  it('reads the FDL and puts the script in the service', async () => {
    const t = await fetchTemplate(source, undefined, fakeFetch({ [source.fdl]: new Response(FDL), [source.script]: new Response('echo hi\n') }));
    expect(t).toEqual({ service: { name: 'juno', image: 'ghcr.io/grycap/juno', script: 'echo hi\n', cluster_id: 'oscar-cluster' }, scriptFileName: 'script.sh' });
  });

  it('says which file failed and how: unreachable, an HTTP status, not an FDL', async () => {
    const net = await failure(fetchTemplate(source, undefined, fakeFetch({ [source.fdl]: new TypeError('Failed to fetch'), [source.script]: new Response('x') })));
    expect(net.message).toBe('Could not reach the template (FDL) (Failed to fetch).');
    expect(net.url).toBe(source.fdl);

    const missing = await failure(fetchTemplate(source, undefined, fakeFetch({ [source.fdl]: new Response(FDL) })));
    expect(missing.message).toBe('The template’s script could not be fetched: HTTP 404 Not Found.');
    expect(missing.url).toBe(source.script);

    const html = await failure(fetchTemplate(source, undefined, fakeFetch({ [source.fdl]: new Response('<html><body>rate limited</body></html>'), [source.script]: new Response('x') })));
    expect(html.message).toMatch(/^The template is not an FDL file \(line 1, column 1: /);
  });
});
