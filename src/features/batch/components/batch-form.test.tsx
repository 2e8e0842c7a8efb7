import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Service } from '../../../api/types';
import { renderRoutes, renderWithQueryClient } from '../../../test/render';
import { BatchForm } from './batch-form';

const grayify = { name: 'grayify', input: [{ storage_provider: 'minio', path: 'grayify/in', suffix: ['.jpg'] }] } as unknown as Service;
const noInput = { name: 'echo', input: [] } as unknown as Service;

const jpg = (name: string) => new File(['x'.repeat(10)], name, { type: 'image/jpeg' });

describe('the batch form, files dropped now', () => {
  it('uploads the chosen files into the service input path and leaves out the names its suffixes refuse', async () => {
    const user = userEvent.setup();
    const onStartDropped = vi.fn();
    renderWithQueryClient(<BatchForm service={grayify} onStart={vi.fn()} onStartDropped={onStartDropped} />);
    await user.click(screen.getByRole('radio', { name: 'Files I drop now' }));
    expect(screen.getByTestId('batch-drop-zone')).toHaveTextContent('grayify/in/');
    // Nothing chosen: said where it happened.
    await user.click(screen.getByRole('button', { name: /and start batch/ }));
    expect(screen.getByRole('alert')).toHaveTextContent('Drop or choose the files the batch runs on.');
    expect(onStartDropped).not.toHaveBeenCalled();

    // By keyboard: the picker's button opens the file input.
    const input = screen.getByLabelText<HTMLInputElement>('Files for the batch');
    const click = vi.spyOn(input, 'click');
    screen.getByRole('button', { name: 'Choose files' }).focus();
    await user.keyboard('{Enter}');
    expect(click).toHaveBeenCalled();

    await user.upload(input, [jpg('a.jpg'), jpg('b.JPG'), jpg('notes.txt')]);
    expect(screen.getByTestId('batch-dropped-count')).toHaveTextContent('3 files chosen');
    expect(screen.getByTestId('batch-dropped-left-out')).toHaveTextContent('1 file left out: the service takes only names ending with .jpg (notes.txt)');
    await user.click(screen.getByRole('button', { name: 'Upload 2 and start batch' }));
    expect(onStartDropped).toHaveBeenCalledTimes(1);
    const o = onStartDropped.mock.calls[0]![0] as { bucket: string; prefix: string; picked: { files: { relativePath: string }[] } };
    expect(o.bucket).toBe('grayify');
    expect(o.prefix).toBe('in/');
    expect(o.picked.files.map((f) => f.relativePath)).toEqual(['a.jpg', 'b.JPG']);
  });

  it('says why a service with no input storage cannot take dropped files, and keeps the stored form', async () => {
    renderRoutes([{ path: '/', element: <BatchForm service={noInput} onStart={vi.fn()} onStartDropped={vi.fn()} /> }]);
    const drop = screen.getByRole('radio', { name: 'Files I drop now' });
    expect(drop).toBeDisabled();
    expect(drop).toHaveAccessibleDescription('echo has no MinIO input path, so an uploaded file would start no job: only objects already stored can be run.');
    expect(screen.getByRole('radio', { name: 'Objects already stored' })).toBeChecked();
    expect(screen.getByLabelText('Bucket')).toBeInTheDocument();
    expect(screen.getByTestId('batch-no-input-stored')).toHaveTextContent('echo has no input path, so its jobs would not download the objects.');
    expect(screen.getByRole('link', { name: "Add one in the service's settings" })).toHaveAttribute('href', '/services/echo/edit');
    await userEvent.setup().type(screen.getByLabelText('Bucket'), 'data{Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent('echo has no MinIO input path: OSCAR would hand each job the event, not the object');
  });

  it('shows what the upload engine answered: preparing, or nothing uploaded', async () => {
    const user = userEvent.setup();
    renderWithQueryClient(<BatchForm service={grayify} onStart={vi.fn()} onStartDropped={vi.fn()} preparing dropProblem="No file was uploaded, so no batch was started." />);
    // The stored form does not show the drop's problem.
    expect(screen.queryByRole('alert')).toBeNull();
    await user.click(screen.getByRole('radio', { name: 'Files I drop now' }));
    expect(screen.getByRole('alert')).toHaveTextContent('No file was uploaded, so no batch was started.');
    expect(screen.getByRole('button', { name: /Preparing the upload/ })).toBeInTheDocument();
  });

  it('starts from the bucket folder it was opened on, keeping the service\'s suffixes', async () => {
    const onStart = vi.fn();
    renderWithQueryClient(<BatchForm service={grayify} from={{ bucket: 'archive', prefix: '2024/reef/' }} onStart={onStart} />);
    expect(screen.getByLabelText('Bucket')).toHaveValue('archive');
    expect(screen.getByLabelText(/^Prefix/)).toHaveValue('2024/reef/');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Start batch' }));
    expect(onStart).toHaveBeenCalledWith(expect.objectContaining({ bucket: 'archive', prefix: '2024/reef/', suffixes: grayify.input![0]!.suffix ?? [] }));
  });
});
