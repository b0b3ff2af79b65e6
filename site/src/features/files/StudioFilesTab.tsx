// The studio's Files tab of a project: folders (and whether clients may upload into each), every
// file with its versions and thumbnail, sharing, rename, move, new versions, delete.
import { useState } from 'preact/hooks';
import { LoadFailed } from '../../components/app/AppShell.tsx';
import { ConfirmDanger } from '../../components/ui/ConfirmDanger.tsx';
import { Loading } from '../../components/ui/Loading.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { call, messageOf } from '../../lib/api.ts';
import { plural } from '../../lib/format.ts';
import type { Ok } from '../../lib/types.ts';
import { typeOf, useFilesTab, useUpload } from './hooks.ts';
import { limitsText, startDownload, Thumb, UploadControl, VersionHistory, VersionState } from './parts.tsx';
import './files.css';

type Tab = Ok<'listStudioFiles'>;
type StudioFile = Tab['files'][number];
type Folder = Tab['folders'][number];

export function StudioFilesTab({ projectId }: { projectId: string }) {
  const tab = useFilesTab(() => call('listStudioFiles', { params: { projectId } }));
  const [folderId, setFolderId] = useState<string | null>(null);
  const [error, setError] = useState('');
  if (tab.state === 'loading') return <Loading label="Loading files…" />;
  if (tab.state === 'failed') return <LoadFailed error={tab.error} retry={tab.reload} />;
  const { folders, files, limits } = tab.data;
  const current = folders.find((f) => f.folderId === folderId) ?? folders[0] ?? null;
  const act = async (task: () => Promise<unknown>) => {
    setError('');
    try {
      await task();
      tab.reload();
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <section class="files-tab" aria-labelledby="files-heading">
      <h2 id="files-heading" class="section-heading">
        Files
      </h2>
      <p class="muted small">Clients see only the files you share here, and their own uploads.</p>
      <Notice role="alert">{error}</Notice>
      <div class="files-tab__layout">
        <FolderList projectId={projectId} folders={folders} current={current} onPick={setFolderId} act={act} />
        {current ? (
          <FolderFiles
            projectId={projectId}
            folder={current}
            folders={folders}
            files={files.filter((f) => f.folderId === current.folderId)}
            limits={limitsText(limits, 'any type')}
            act={act}
            onChanged={tab.reload}
          />
        ) : (
          <div class="empty empty--card">
            <p class="empty__title">No folders yet</p>
            <p class="muted">Add a folder, then upload the files to share with the client.</p>
          </div>
        )}
      </div>
    </section>
  );
}

function FolderList({
  projectId,
  folders,
  current,
  onPick,
  act,
}: {
  projectId: string;
  folders: Folder[];
  current: Folder | null;
  onPick: (id: string) => void;
  act: (task: () => Promise<unknown>) => Promise<void>;
}) {
  const [name, setName] = useState('');
  const [clientUploads, setClientUploads] = useState(false);
  const add = (e: Event) => {
    e.preventDefault();
    if (!name.trim()) return;
    void act(async () => {
      const made = await call('createFolder', { params: { projectId }, body: { name: name.trim(), clientUploads } });
      setName('');
      setClientUploads(false);
      onPick(made.folder.folderId);
    });
  };
  return (
    <nav class="files-tab__folders card" aria-label="Folders">
      <ul>
        {folders.map((f) => (
          <li key={f.folderId}>
            <button
              type="button"
              class={`folder-link${f.folderId === current?.folderId ? ' is-current' : ''}`}
              aria-current={f.folderId === current?.folderId}
              onClick={() => onPick(f.folderId)}
            >
              <span class="folder-link__name">{f.name}</span>
              <span class="muted small">
                {plural(f.fileCount, 'file')}
                {f.clientUploads ? ' · client uploads on' : ''}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <form class="folder-form field" onSubmit={add}>
        <label class="field__label" for="new-folder">
          New folder
        </label>
        <input id="new-folder" maxLength={80} value={name} onInput={(e) => setName(e.currentTarget.value)} />
        <label class="checkbox">
          <input type="checkbox" checked={clientUploads} onChange={(e) => setClientUploads(e.currentTarget.checked)} /> Clients may upload
          into it
        </label>
        <button type="submit" class="button button--secondary" disabled={!name.trim()}>
          Add folder
        </button>
      </form>
    </nav>
  );
}

function FolderFiles({
  projectId,
  folder,
  folders,
  files,
  limits,
  act,
  onChanged,
}: {
  projectId: string;
  folder: Folder;
  folders: Folder[];
  files: StudioFile[];
  limits: string;
  act: (task: () => Promise<unknown>) => Promise<void>;
  onChanged: () => void;
}) {
  const upload = useUpload();
  const [shareNew, setShareNew] = useState(false);
  const [deleting, setDeleting] = useState<'folder' | StudioFile | null>(null);
  const sendFile = async (file: File) => {
    const ok = await upload.send(
      file,
      () =>
        call('createStudioFileUpload', {
          params: { projectId },
          body: { folderId: folder.folderId, fileName: file.name, contentType: typeOf(file), size: file.size, shared: shareNew },
        }),
      (fileId, version, sent) => call('completeStudioFileUpload', { params: { projectId, fileId, version: String(version) }, body: sent }),
      messageOf,
    );
    if (ok) onChanged();
  };
  return (
    <div class="files-tab__folder">
      <div class="files-tab__folder-head">
        <h3 class="files-tab__folder-name">{folder.name}</h3>
        <label class="checkbox">
          <input
            type="checkbox"
            checked={folder.clientUploads}
            onChange={(e) => {
              const on = e.currentTarget.checked;
              void act(() => call('updateFolder', { params: { projectId, folderId: folder.folderId }, body: { clientUploads: on } }));
            }}
          />{' '}
          Clients may upload here
        </label>
        <button type="button" class="button button--ghost" onClick={() => setDeleting('folder')}>
          Delete folder
        </button>
      </div>
      <UploadControl
        id={`upload-${folder.folderId}`}
        label="Upload a file"
        limits={limits}
        state={upload.state}
        onFile={(f) => void sendFile(f)}
      />
      <label class="checkbox small">
        <input type="checkbox" checked={shareNew} onChange={(e) => setShareNew(e.currentTarget.checked)} /> Share new uploads with the
        client at once
      </label>
      {files.length === 0 ? (
        <p class="muted">No files in this folder yet.</p>
      ) : (
        <ul class="file-list">
          {files.map((f) => (
            <StudioFileRow
              key={f.fileId}
              projectId={projectId}
              file={f}
              folders={folders}
              act={act}
              onDelete={() => setDeleting(f)}
              onChanged={onChanged}
            />
          ))}
        </ul>
      )}
      {deleting === 'folder' && (
        <ConfirmDanger
          id="delete-folder"
          title={`Delete the folder “${folder.name}”?`}
          keepLabel="Keep it"
          actionLabel="Delete folder"
          busyLabel="Deleting…"
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            await call('deleteFolder', { params: { projectId, folderId: folder.folderId } });
            setDeleting(null);
            onChanged();
          }}
        >
          <p id="delete-folder">Only an empty folder can be deleted: move or delete its files first.</p>
        </ConfirmDanger>
      )}
      {deleting && deleting !== 'folder' && (
        <ConfirmDanger
          id="delete-file"
          title={`Delete “${deleting.name}”?`}
          keepLabel="Keep it"
          actionLabel="Delete file"
          busyLabel="Deleting…"
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            await call('deleteFile', { params: { projectId, fileId: deleting.fileId } });
            setDeleting(null);
            onChanged();
          }}
        >
          <p id="delete-file">Every version of it is deleted, for you and the client. This cannot be undone.</p>
        </ConfirmDanger>
      )}
    </div>
  );
}

function StudioFileRow({
  projectId,
  file,
  folders,
  act,
  onDelete,
  onChanged,
}: {
  projectId: string;
  file: StudioFile;
  folders: Folder[];
  act: (task: () => Promise<unknown>) => Promise<void>;
  onDelete: () => void;
  onChanged: () => void;
}) {
  const upload = useUpload();
  const [renaming, setRenaming] = useState<string | null>(null);
  const download = (version: number) =>
    void act(async () =>
      startDownload((await call('downloadStudioFile', { params: { projectId, fileId: file.fileId, version: String(version) } })).url),
    );
  const newVersion = async (f: File) => {
    const ok = await upload.send(
      f,
      () =>
        call('createFileVersion', {
          params: { projectId, fileId: file.fileId },
          body: { fileName: f.name, contentType: typeOf(f), size: f.size },
        }),
      (fileId, version, sent) => call('completeStudioFileUpload', { params: { projectId, fileId, version: String(version) }, body: sent }),
      messageOf,
    );
    if (ok) onChanged();
  };
  const current = file.current;
  return (
    <li class="file-row">
      <Thumb version={current} />
      <div class="file-row__main">
        {renaming === null ? (
          <p class="file-row__name">{file.name}</p>
        ) : (
          <form
            class="file-row__rename"
            onSubmit={(e) => {
              e.preventDefault();
              const name = renaming.trim();
              if (name)
                void act(() => call('updateFile', { params: { projectId, fileId: file.fileId }, body: { name } })).then(() =>
                  setRenaming(null),
                );
            }}
          >
            <label class="visually-hidden" for={`rename-${file.fileId}`}>
              New name
            </label>
            <input id={`rename-${file.fileId}`} maxLength={200} value={renaming} onInput={(e) => setRenaming(e.currentTarget.value)} />
            <button type="submit" class="button button--secondary button--small">
              Save
            </button>
            <button type="button" class="button button--ghost button--small" onClick={() => setRenaming(null)}>
              Cancel
            </button>
          </form>
        )}
        <p class="file-row__meta">
          {current && <span class="small">v{current.version} · </span>}
          <VersionState version={current} />
          {file.uploadedBy.kind === 'client' && <span class="small"> · uploaded by {file.uploadedBy.name} (client)</span>}
        </p>
        <VersionHistory versions={file.versions} onDownload={download} />
        <div class="file-row__actions">
          <label class="checkbox small">
            <input
              type="checkbox"
              checked={file.shared}
              onChange={(e) => {
                const shared = e.currentTarget.checked;
                void act(() => call('updateFile', { params: { projectId, fileId: file.fileId }, body: { shared } }));
              }}
            />{' '}
            Shared with the client
          </label>
          {current && (current.status === 'ready' || current.status === 'processing') && (
            <button type="button" class="button button--secondary button--small" onClick={() => download(current.version)}>
              Download
            </button>
          )}
          <button type="button" class="button button--ghost button--small" onClick={() => setRenaming(file.name)}>
            Rename
          </button>
          <label class="small file-row__move">
            Move to{' '}
            <select
              value={file.folderId}
              onChange={(e) => {
                const folderId = e.currentTarget.value;
                void act(() => call('updateFile', { params: { projectId, fileId: file.fileId }, body: { folderId } }));
              }}
            >
              {folders.map((f) => (
                <option key={f.folderId} value={f.folderId}>
                  {f.name}
                </option>
              ))}
            </select>
          </label>
          <button type="button" class="button button--ghost button--small" onClick={onDelete}>
            Delete
          </button>
        </div>
        <UploadControl
          secondary
          id={`version-${file.fileId}`}
          label="Upload a new version"
          limits="The earlier versions stay."
          state={upload.state}
          onFile={(f) => void newVersion(f)}
        />
      </div>
    </li>
  );
}
