import { describe, expect, it } from 'vitest';
import type { MinIOObject } from '../../../api/types';
import type { ListedObjects } from '../../../lib/jobs/object-listing';
import type { JobRow } from '../../../lib/jobs/paging';
import { assignInputs, inputCell, listingOlderThan, outputsCell, outputsFrom, serviceInputs, serviceIo, timeIndex, type ListingState } from './list-trace';

const T = (s: number) => Date.UTC(2025, 5, 2, 10, 0, 0) + s * 1000;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const obj = (key: string, s: number, size = 100): MinIOObject => ({ object_name: key, last_modified: iso(T(s)), size_bytes: size });
const job = (name: string, created: number, rest: Partial<JobRow> = {}): JobRow => ({ name, service: 'grayify', status: 'Succeeded', created: T(created), ...rest });
const IN = { bucket: 'grayify', prefix: 'in/' };
const OUT = { bucket: 'grayify', prefix: 'out/' };
const io = serviceIo({ input: [{ storage_provider: 'minio', path: 'grayify/in' }], output: [{ storage_provider: 'minio', path: 'grayify/out' }] });
const listed = (objects: MinIOObject[], over: Partial<ListedObjects> = {}): ListedObjects => ({ objects, complete: true, listedAt: T(10_000), ...over });
const state = (data: ListedObjects | undefined, over: Partial<ListingState> = {}): ListingState => ({ bucket: 'grayify', data, error: null, fetching: false, ...over });

describe('timeIndex', () => {
  it('keeps the files under the path, oldest first, without folder markers or other folders', () => {
    const objects = [obj('in/b.jpg', 20), obj('in/', 0, 0), obj('out/x.png', 5), obj('in/a.jpg', 10), { object_name: 'in/no-time.jpg' }];
    const index = timeIndex(IN, objects);
    expect(index.refs.map((r) => r.key)).toEqual(['in/a.jpg', 'in/b.jpg']);
    expect(index.times).toEqual([T(10), T(20)]);
    expect(timeIndex(IN, objects)).toBe(index);
  });

  it('keeps only the files whose names pass the input’s suffix and prefix filters (the others start no job)', () => {
    const filtered = serviceIo({ input: [{ path: 'grayify/in', suffix: ['.jpg'], prefix: ['cam'] }] }).inputs[0]!;
    const objects = [obj('in/cam-1.jpg', 0), obj('in/cam-1.txt', 1), obj('in/notes.jpg', 2)];
    expect(timeIndex(filtered, objects).refs.map((r) => r.key)).toEqual(['in/cam-1.jpg']);
    expect(assignInputs([job('j', 2.5)], timeIndex(filtered, objects)).get('j')?.key).toBe('in/cam-1.jpg');
  });
});

describe('assignInputs', () => {
  it('gives each upload-started job the file uploaded just before it, and none to a job started by a call', () => {
    const index = timeIndex(IN, [obj('in/first.jpg', 0), obj('in/second.jpg', 60), obj('in/old.jpg', -600)]);
    const jobs = [job('j-first', 1), job('j-call', 30), job('j-second', 60.4)];
    const found = assignInputs(jobs, index);
    expect(found.get('j-first')?.key).toBe('in/first.jpg');
    expect(found.get('j-second')?.key).toBe('in/second.jpg');
    expect(found.has('j-call')).toBe(false);
  });

  it('matches a batch uploaded within a second one file per job, in order, never the same file twice', () => {
    const index = timeIndex(IN, [obj('in/a.jpg', 0), obj('in/b.jpg', 0), obj('in/c.jpg', 1)]);
    const found = assignInputs([job('j3', 1.5), job('j1', 0.2), job('j2', 0.6)], index);
    expect([found.get('j1')?.key, found.get('j2')?.key, found.get('j3')?.key]).toEqual(['in/a.jpg', 'in/b.jpg', 'in/c.jpg']);
  });

  it('ignores files uploaded long before the job or well after it, and jobs without a creation time', () => {
    const index = timeIndex(IN, [obj('in/early.jpg', -30), obj('in/late.jpg', 10)]);
    expect(assignInputs([job('j', 0), { name: 'k', service: 'grayify', status: 'Unknown' }], index).size).toBe(0);
  });

  it('is worked out once per service jobs and listings, however many rows ask', () => {
    const jobs = [job('j1', 1)];
    const a = listed([obj('in/a.jpg', 0)]);
    const first = serviceInputs(jobs, [IN], [a]);
    expect(serviceInputs(jobs, [IN], [a])).toBe(first);
    const b = listed([obj('in/b.jpg', 0.5)]);
    expect(serviceInputs(jobs, [IN], [b]).get('j1')?.key).toBe('in/b.jpg');
  });
});

describe('outputsFrom', () => {
  const index = timeIndex(OUT, [obj('out/before.png', -10), obj('out/other.png', 12), obj('out/cat.png', 15), obj('out/next-job.png', 20), obj('out/later.png', 900)]);
  it('finds files written while the job ran, the input’s namesake first', () => {
    const j = job('j', 0, { started: T(3), finished: T(16) });
    expect(outputsFrom(index, j, { bucket: 'grayify', key: 'in/cat.jpg' }, T(2000)).map((r) => r.key)).toEqual(['out/cat.png', 'out/other.png']);
    expect(outputsFrom(index, j, undefined, T(2000)).map((r) => r.key)).toEqual(['out/other.png', 'out/cat.png']);
    // The job page's wider grace takes in the next job's file too.
    expect(outputsFrom(index, j, undefined, T(2000), 30_000).map((r) => r.key)).toContain('out/next-job.png');
  });
});

describe('the Input cell', () => {
  const j = job('j', 1);
  it('shows the match when there is one', () => {
    const ref = { bucket: 'grayify', key: 'in/a.jpg' };
    expect(inputCell(j, io, [state(listed([]))], ref)).toEqual({ state: 'found', objects: [ref] });
  });

  it('is loading while the bucket is listed, and while a listing older than the job is renewed', () => {
    expect(inputCell(j, io, [state(undefined, { fetching: true })], undefined)).toEqual({ state: 'loading' });
    expect(inputCell(j, io, [state(listed([], { listedAt: T(0) }), { fetching: true })], undefined)).toEqual({ state: 'loading' });
  });

  it('says why the input is not known', () => {
    const reason = (cell: ReturnType<typeof inputCell>) => (cell.state === 'unknown' ? cell.reason : cell.state);
    expect(reason(inputCell(j, serviceIo({}), [], undefined))).toMatch(/no input path/);
    expect(reason(inputCell(j, serviceIo({ input: [{ storage_provider: 'rucio.rucio', path: 'rucio/input' }] }), [], undefined))).toBe(
      'The input is on Rucio storage, which OSCAR cannot list.',
    );
    expect(reason(inputCell(j, serviceIo({ input: [{ storage_provider: 's3.aws', path: 'b/in' }, { storage_provider: 'onedata.x', path: 'c/in' }] }), [], undefined))).toMatch(
      /Amazon S3 and Onedata storage/,
    );
    expect(reason(inputCell(j, io, [state(undefined, { error: 'Access denied' })], undefined))).toBe('Could not list the bucket grayify: Access denied');
    expect(reason(inputCell(j, io, [state(listed([obj('in/x', 0)], { complete: false }))], undefined))).toMatch(/only its first 1 were checked/);
    expect(reason(inputCell(j, io, [state(listed([]))], undefined))).toMatch(/No file in grayify\/in\/ was uploaded just before the job was created/);
    expect(reason(inputCell({ ...j, created: undefined }, io, [state(listed([]))], undefined))).toMatch(/no creation time/);
  });
});

describe('the Outputs cell', () => {
  const data = listed([obj('out/a.png', 14), obj('out/b.png', 15)]);
  const reason = (cell: ReturnType<typeof outputsCell>) => (cell.state === 'unknown' ? cell.reason : cell.state);
  it('lists what the job wrote', () => {
    const cell = outputsCell(job('j', 0, { started: T(3), finished: T(16) }), io, [state(data)], undefined, T(100));
    expect(cell.state === 'found' && cell.objects.map((o) => o.key)).toEqual(['out/a.png', 'out/b.png']);
  });

  it('counts only the files named after the input when there are such, and no one else’s while the job runs', () => {
    const cat = { bucket: 'grayify', key: 'in/cat.jpg' };
    const many = listed([obj('out/dog.png', 14), obj('out/cat.png', 15), obj('out/cat-mask.png', 15)]);
    const done = outputsCell(job('j', 0, { started: T(3), finished: T(16) }), io, [state(many)], cat, T(100));
    expect(done.state === 'found' && done.objects.map((o) => o.key)).toEqual(['out/cat.png', 'out/cat-mask.png']);
    const running = job('j', 0, { status: 'Running', started: T(3) });
    expect(outputsCell(running, io, [state(many)], { bucket: 'grayify', key: 'in/bird.jpg' }, T(20))).toEqual({ state: 'unknown', reason: 'Nothing written yet.' });
    expect(outputsCell(running, io, [state(many)], undefined, T(20))).toEqual({ state: 'unknown', reason: 'Nothing written yet.' });
    expect(outputsCell(running, io, [state(many)], cat, T(20))).toMatchObject({ state: 'found' });
  });

  it('says why there is nothing to show', () => {
    expect(reason(outputsCell(job('j', 0, { status: 'Pending' }), io, [state(data)], undefined, T(100)))).toBe('Not started yet.');
    expect(reason(outputsCell(job('j', 0, { status: 'Running', started: T(20) }), io, [state(data)], undefined, T(100)))).toBe('Nothing written yet.');
    expect(reason(outputsCell(job('j', 0, { status: 'Failed', started: T(20), finished: T(30) }), io, [state(data)], undefined, T(100)))).toMatch(/failed/);
    expect(reason(outputsCell(job('j', 0, { started: T(20), finished: T(30) }), io, [state(data)], undefined, T(100)))).toMatch(/No file was written to grayify\/out\//);
    // OSCAR lost the pod: any file since would count, so none does.
    expect(reason(outputsCell(job('j', 0, { status: 'Unknown' }), io, [state(data)], undefined, T(100)))).toMatch(/no end time/);
    expect(reason(outputsCell(job('j', 0), serviceIo({ output: [{ storage_provider: 'dcache.x', path: 'd/out' }] }), [], undefined, T(100)))).toBe(
      'The output goes to dCache storage, which OSCAR cannot list.',
    );
  });

  it('waits for a fresher listing when the job ended after the listing began', () => {
    const old = listed([], { listedAt: T(10) });
    expect(listingOlderThan(state(old), T(30))).toBe(true);
    expect(listingOlderThan(state(old), T(5))).toBe(false);
    expect(outputsCell(job('j', 0, { started: T(3), finished: T(30) }), io, [state(old, { fetching: true })], undefined, T(100))).toEqual({ state: 'loading' });
  });
});
