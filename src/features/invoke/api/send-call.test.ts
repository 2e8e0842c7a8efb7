// @vitest-environment jsdom
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fault } from '../../../../mocks/node';
import { bytesToBase64 } from '../lib/base64';
import { buildInvocation, type InputSpec } from '../lib/request';
import { curlSnippet, pythonSnippet, oscarCliSnippet, type SnippetCall } from '../lib/snippets';
import { runCurl, runOscarCli, runPython } from '../test/snippets';
import { BASE, serviceCall, setUpInvokeTests, TOKEN } from '../test/helpers';
import { performCall } from './send-call';

const seen: { method: string; url: string; headers: Record<string, string>; body: Uint8Array }[] = [];
const invoke = setUpInvokeTests();
beforeAll(() => {
  invoke.server.events.on('request:start', async ({ request }) => {
    const body = new Uint8Array(await request.clone().arrayBuffer());
    seen.push({
      method: request.method,
      url: request.url,
      headers: Object.fromEntries(request.headers),
      body,
    });
  });
});
beforeEach(() => {
  seen.length = 0;
});

const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
const call = serviceCall;
const text = (b: Uint8Array) => new TextDecoder().decode(b);

describe('performCall against the demo cluster', () => {
  it.each([
    ['text', { kind: 'text', text: 'Hello "cow"\nline two', base64: false }],
    ['base64 text', { kind: 'text', text: 'Hello cow', base64: true }],
    ['JSON', { kind: 'json', text: '{"message": "moo"}', base64: false }],
    [
      'a base64 file',
      { kind: 'file', base64: true, file: { name: 'photo.png', type: 'image/png', bytes: png } },
    ],
    [
      'a raw file',
      { kind: 'file', base64: false, file: { name: 'photo.png', type: 'image/png', bytes: png } },
    ],
  ] as [string, InputSpec][])(
    'puts on the wire for %s exactly the request its snippets make',
    async (_, input) => {
      const c = call('cowsay', input);
      const result = await performCall(c);
      expect(result.summary).toMatchObject({ outcome: 'ok', status: 200 });
      const wire = seen.find((r) => r.url.includes('/run/'))!;
      const want = buildInvocation({ endpoint: BASE, service: 'cowsay', mode: 'sync', input, token: TOKEN });
      expect(wire.method).toBe('POST');
      expect(wire.url).toBe(want.url);
      expect(wire.headers.authorization).toBe(`Bearer ${TOKEN}`);
      expect(wire.headers['content-type']).toBe(want.headers['Content-Type']);
      expect(Array.from(wire.body)).toEqual(Array.from(want.body));

      const sc: SnippetCall = {
        endpoint: BASE,
        service: 'cowsay',
        mode: 'sync',
        input: {
          kind: input.kind,
          base64: input.base64,
          contentType: want.headers['Content-Type'],
          ...(input.text !== undefined ? { text: input.text } : {}),
          ...(input.file ? { fileName: input.file.name } : {}),
        },
      };
      const files = { 'photo.png': png };
      const parsed = [runCurl(curlSnippet(sc).code, files), runPython(pythonSnippet(sc).code, files)];
      if (oscarCliSnippet(sc).sameRequest) parsed.push(runOscarCli(oscarCliSnippet(sc).code, files));
      for (const p of parsed) {
        expect([p.method, p.url, p.headers.authorization]).toEqual([
          wire.method,
          wire.url,
          wire.headers.authorization,
        ]);
        expect(Array.from(p.body)).toEqual(Array.from(wire.body));
        if (p.headers['content-type']) expect(p.headers['content-type']).toBe(wire.headers['content-type']);
        // Run by the demo cluster's rules, the parsed request gets the answer the app got.
        const replayed = await fetch(p.url, {
          method: p.method,
          headers: p.headers,
          body: p.body as BodyInit,
        });
        expect(replayed.status).toBe(200);
        expect(await replayed.text()).toBe(text(result.answer!.bytes));
      }
    },
  );

  it('reads the cow, with time, size and headers', async () => {
    const r = await performCall(call('cowsay', { kind: 'text', text: 'moo from a test', base64: false }));
    expect(text(r.answer!.bytes)).toContain('< moo from a test >');
    expect(r.summary.answer).toMatchObject({ kind: 'text', stored: 'full', size: r.answer!.size });
    expect(r.summary.durationMs).toBeGreaterThanOrEqual(0);
    expect(r.answer!.headers).toContainEqual(['content-type', 'text/plain; charset=utf-8']);
    expect(r.body.input).toBe('moo from a test');
  });

  it('finds the PNG in the image service’s base64 answer', async () => {
    const r = await performCall(
      call('grayify', {
        kind: 'file',
        base64: true,
        file: { name: 'in.png', type: 'image/png', bytes: png },
      }),
    );
    expect(r.summary.answer).toMatchObject({ kind: 'image', base64: true });
  });

  it('says which token was refused and why', async () => {
    const r = await performCall(
      call('cowsay', { kind: 'text', text: 'x', base64: false }, { token: 'f'.repeat(64) }),
    );
    expect(r.summary).toMatchObject({
      outcome: 'failed',
      status: 401,
      error: "The cluster refused the service token of 'cowsay' (401): Invalid token",
    });
    expect(r.why).toMatch(/changes when the service is created again/);
    const pasted = await performCall(
      call('cowsay', { kind: 'text', text: 'x', base64: false }, { token: 'nope', auth: 'pasted' }),
    );
    expect(pasted.summary.error).toBe(
      "The cluster refused the pasted token for 'cowsay' (401): Invalid token",
    );
  });

  it('keeps a 500 with a stack trace as an inert text answer and a failure', async () => {
    const trace =
      'Traceback (most recent call last):\n  File "/opt/run.py", line 3\n<script>alert(1)</script>\nValueError: bad input';
    fault({ method: 'POST', path: '/run/cowsay', status: 500, body: trace });
    invoke.server.resetHandlers(...invoke.server.listHandlers());
    const r = await performCall(call('cowsay', { kind: 'text', text: 'x', base64: false }));
    expect(r.summary).toMatchObject({ outcome: 'failed', status: 500 });
    expect(r.summary.error).toMatch(/^The service answered 500: Traceback/);
    expect(text(r.answer!.bytes)).toBe(trace);
    expect(text(r.body.answer!)).toBe(trace);
  });

  it('fails an answer that claims to be an image but is not', async () => {
    invoke.server.use(
      (await import('msw')).http.post(
        `${BASE}/run/cowsay`,
        () => new Response('definitely not a PNG', { headers: { 'Content-Type': 'image/png' } }),
      ),
    );
    const r = await performCall(call('cowsay', { kind: 'text', text: 'x', base64: false }));
    expect(r.summary).toMatchObject({ outcome: 'failed', status: 200 });
    expect(r.summary.error).toMatch(/says it is image\/png, but its bytes are not an image/);
  });

  it('can be cancelled while it waits, and stops on its own after the timeout', async () => {
    const ac = new AbortController();
    const pending = performCall(call('sleep-test', { kind: 'text', text: '', base64: false }), {
      signal: ac.signal,
    });
    setTimeout(() => ac.abort(), 100);
    const r = await pending;
    expect(r.summary).toMatchObject({ outcome: 'cancelled' });
    expect(r.summary.error).toMatch(/^Cancelled after/);
    const t = await performCall(
      call('sleep-test', { kind: 'text', text: '', base64: false }, { timeoutMs: 150 }),
    );
    expect(t.summary).toMatchObject({ outcome: 'failed' });
    expect(t.summary.error).toMatch(/^No answer after 150 ms/);
  });

  it('starts a job with /job (201, empty body) and the job shows in the logs', async () => {
    const before = invoke.cluster.jobsOf('cowsay').size;
    const r = await performCall(
      call(
        'cowsay',
        { kind: 'file', base64: true, file: { name: 'p.png', type: 'image/png', bytes: png } },
        { mode: 'async' },
      ),
    );
    expect(r.summary).toMatchObject({ outcome: 'ok', status: 201, mode: 'async' });
    expect(r.answer).toBeUndefined();
    expect(invoke.cluster.jobsOf('cowsay').size).toBe(before + 1);
    const wire = seen.find((x) => x.url.includes('/job/'))!;
    expect(text(wire.body)).toBe(bytesToBase64(png));
  });
});
