// A project's Files tab in the portal: what the studio shared and the contact's own uploads, by
// folder, each downloadable (every version); an upload into a folder that takes them.
import { useState } from 'preact/hooks';
import { CLIENT_CONTENT_TYPES, CLIENT_TYPES_SHOWN, formatBytes, mayClientUploadType } from '../../../../shared/features/files/constants.ts';
import { LoadFailed } from '../../components/app/AppShell.tsx';
import { Loading } from '../../components/ui/Loading.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { call, messageOf } from '../../lib/api.ts';
import type { Ok } from '../../lib/types.ts';
import { typeOf, useFilesTab, useUpload } from './hooks.ts';
import { limitsText, startDownload, Thumb, UploadControl, VersionHistory, VersionState } from './parts.tsx';
import './files.css';

type Tab = Ok<'listClientFiles'>;
type ClientFile = Tab['files'][number];
type Folder = Tab['folders'][number];

export function ClientFilesTab({ projectId }: { projectId: string }) {
  const tab = useFilesTab(() => call('listClientFiles', { params: { projectId } }));
  const [error, setError] = useState('');
  if (tab.state === 'loading') return <Loading label="Loading files…" />;
  if (tab.state === 'failed') return <LoadFailed error={tab.error} retry={tab.reload} />;
  const { folders, files, limits } = tab.data;
  const download = async (file: ClientFile, version: number) => {
    setError('');
    try {
      startDownload((await call('downloadClientFile', { params: { projectId, fileId: file.fileId, version: String(version) } })).url);
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <section class="files-tab" aria-labelledby="files-heading">
      <h2 id="files-heading" class="section-heading">
        Files
      </h2>
      <Notice role="alert">{error}</Notice>
      {folders.length === 0 ? (
        <div class="empty empty--card">
          <p class="empty__title">No files yet</p>
          <p class="muted">Files the team shares with you appear here.</p>
        </div>
      ) : (
        folders.map((folder) => (
          <ClientFolder
            key={folder.folderId}
            projectId={projectId}
            folder={folder}
            files={files.filter((f) => f.folderId === folder.folderId)}
            limits={limitsText(limits, CLIENT_TYPES_SHOWN)}
            maxBytes={limits.maxBytes}
            onDownload={download}
            onUploaded={tab.reload}
          />
        ))
      )}
    </section>
  );
}

function ClientFolder({
  projectId,
  folder,
  files,
  limits,
  maxBytes,
  onDownload,
  onUploaded,
}: {
  projectId: string;
  folder: Folder;
  files: ClientFile[];
  limits: string;
  maxBytes: number;
  onDownload: (file: ClientFile, version: number) => void;
  onUploaded: () => void;
}) {
  const upload = useUpload();
  const [refused, setRefused] = useState('');
  const sendFile = async (file: File) => {
    // The API is the judge; this only spares a doomed upload.
    if (!mayClientUploadType(typeOf(file))) {
      setRefused(`${file.name} can’t be uploaded: you can upload ${CLIENT_TYPES_SHOWN}.`);
      return;
    }
    if (file.size > maxBytes) {
      setRefused(`${file.name} is ${formatBytes(file.size)}; files up to ${formatBytes(maxBytes)} can be uploaded.`);
      return;
    }
    setRefused('');
    const ok = await upload.send(
      file,
      () =>
        call('createClientFileUpload', {
          params: { projectId },
          body: { folderId: folder.folderId, fileName: file.name, contentType: typeOf(file), size: file.size },
        }),
      (fileId, version, sent) => call('completeClientFileUpload', { params: { projectId, fileId, version: String(version) }, body: sent }),
      messageOf,
    );
    if (ok) onUploaded();
  };
  return (
    <section class="files-tab__folder card" aria-label={folder.name}>
      <h3 class="files-tab__folder-name">{folder.name}</h3>
      {folder.clientUploads && (
        <>
          <UploadControl
            id={`upload-${folder.folderId}`}
            label="Upload a file"
            limits={limits}
            accept={CLIENT_CONTENT_TYPES.join(',')}
            state={upload.state}
            onFile={(f) => void sendFile(f)}
          />
          <Notice role="alert">{refused}</Notice>
        </>
      )}
      {files.length === 0 ? (
        <p class="muted">Nothing here yet.</p>
      ) : (
        <ul class="file-list">
          {files.map((f) => (
            <li key={f.fileId} class="file-row">
              <Thumb version={f.current} />
              <div class="file-row__main">
                <p class="file-row__name">{f.name}</p>
                <p class="file-row__meta">
                  {f.current && <span class="small">v{f.current.version} · </span>}
                  <VersionState version={f.current} />
                  {f.mine && <span class="small"> · your upload</span>}
                </p>
                <VersionHistory versions={f.versions} onDownload={(v) => onDownload(f, v)} />
                {f.current && (f.current.status === 'ready' || f.current.status === 'processing') && (
                  <div class="file-row__actions">
                    <button
                      type="button"
                      class="button button--secondary button--small"
                      onClick={() => onDownload(f, f.current?.version ?? 1)}
                    >
                      Download
                    </button>
                  </div>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
