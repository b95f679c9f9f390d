/**
 * The SFTP subsystem over the router's file store (fact sheet §8.2: SFTP paths are RouterOS file
 * names, the session's root is the `/file` root). Every path goes through FileStore.path, so `..`
 * cannot climb out and symlinks are refused; files are opened with O_NOFOLLOW as a second lock.
 *
 * Served: open, read, write, close, fstat, fsetstat, stat, lstat, setstat, opendir, readdir, mkdir,
 * rmdir, remove, rename, realpath — what ssh2-sftp-client's put/get/list/mkdir/delete/rename/exists/
 * stat use. Not served (ssh2 answers "operation unsupported"): symlink, readlink, extensions such as
 * posix-rename. Rename refuses an existing target (SFTP v3), which is what OpenSSH does too.
 */
import {
  closeSync,
  constants,
  fstatSync,
  ftruncateSync,
  futimesSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  renameSync,
  rmdirSync,
  unlinkSync,
  utimesSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { join } from 'node:path';
import ssh2 from 'ssh2';
import type { Attributes, FileEntry, SFTPWrapper } from 'ssh2';
import { StoreError, type FileStore } from '../files/file-store.ts';

const { STATUS_CODE, OPEN_MODE } = ssh2.utils.sftp;

export interface UploadGate {
  /** Bytes of a WRITE that may be written; fewer than asked means: write those, then drop. */
  allow(bytes: number): number;
  /** Ends the connection (fault injection). */
  drop(): void;
  /** Fault injection at a request (`sftp OP PATH`): true means the request gets no answer. */
  fault(request: string): boolean;
}

/**
 * An open file or folder; `name` is the path the client opened it by (for fault injection). Files are
 * plain descriptors used synchronously: the router's files are small, and each asynchronous call cost
 * the router process several times the CPU of the call itself (a deploy makes hundreds).
 */
type Handle = { kind: 'file'; fd: number; name: string } | { kind: 'dir'; abs: string; done: boolean; name: string };

function attrsOf(st: Stats): Attributes {
  return { mode: st.mode, uid: 0, gid: 0, size: st.size, atime: Math.floor(st.atimeMs / 1000), mtime: Math.floor(st.mtimeMs / 1000) };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** An `ls -l` line: clients read the type and permissions from it. */
function longname(name: string, st: Stats): string {
  const d = new Date(st.mtimeMs);
  const when = `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
  const mode = st.isDirectory() ? 'drwxr-xr-x' : '-rw-r--r--';
  return `${mode} 1 admin admin ${String(st.size).padStart(8)} ${when} ${name}`;
}

function openFlags(pflags: number): number {
  const read = (pflags & OPEN_MODE.READ) !== 0;
  const write = (pflags & OPEN_MODE.WRITE) !== 0;
  let flags = read && write ? constants.O_RDWR : write ? constants.O_WRONLY : constants.O_RDONLY;
  if (pflags & OPEN_MODE.APPEND) flags |= constants.O_APPEND;
  if (pflags & OPEN_MODE.CREAT) flags |= constants.O_CREAT;
  if (pflags & OPEN_MODE.TRUNC) flags |= constants.O_TRUNC;
  if (pflags & OPEN_MODE.EXCL) flags |= constants.O_EXCL;
  return flags | constants.O_NOFOLLOW;
}

/** An SFTP status for a failure: missing → NO_SUCH_FILE, outside the root → PERMISSION_DENIED. */
function statusOf(err: unknown): [number, string] {
  if (err instanceof StoreError) return [STATUS_CODE.PERMISSION_DENIED, 'Permission denied'];
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return [STATUS_CODE.NO_SUCH_FILE, 'No such file'];
  if (code === 'EACCES' || code === 'EPERM' || code === 'ELOOP') return [STATUS_CODE.PERMISSION_DENIED, 'Permission denied'];
  if (code === 'EEXIST') return [STATUS_CODE.FAILURE, 'File exists'];
  if (code === 'ENOTEMPTY') return [STATUS_CODE.FAILURE, 'Directory not empty'];
  if (code === 'ENOSPC') return [STATUS_CODE.FAILURE, 'No space left on device'];
  return [STATUS_CODE.FAILURE, (err as Error).message ?? 'Failure'];
}

export function serveSftp(sftp: SFTPWrapper, store: FileStore, gate: UploadGate): void {
  const handles = new Map<number, Handle>();
  let nextHandle = 1;
  /** Set once this connection has been dropped: writes still queued must not land. */
  let dropped = false;
  const newHandle = (h: Handle) => {
    const id = nextHandle++;
    handles.set(id, h);
    const buf = Buffer.alloc(4);
    buf.writeUInt32BE(id);
    return buf;
  };
  const handleOf = (buf: Buffer) => (buf.length === 4 ? handles.get(buf.readUInt32BE(0)) : undefined);
  const ok = (id: number) => sftp.status(id, STATUS_CODE.OK);
  const fail = (id: number, code: number, message: string) => sftp.status(id, code, message);

  /**
   * Runs an async handler; any error becomes the request's status. Requests run one after another, so
   * answers go out in the order the requests came, as OpenSSH's sftp-server sends them: OpenSSH's
   * client truncates an upload to the last in-order acknowledged write when answers come reordered.
   */
  let queue: Promise<void> = Promise.resolve();
  const on = <A extends unknown[]>(event: string, handler: (id: number, ...args: A) => Promise<void>) => {
    sftp.on(event, (id: number, ...args: A) => {
      if (gate.fault(`sftp ${event} ${typeof args[0] === 'string' ? args[0] : Buffer.isBuffer(args[0]) ? (handleOf(args[0])?.name ?? '') : ''}`))
        return;
      queue = queue.then(() =>
        handler(id, ...args).catch((err: unknown) => {
          try {
            fail(id, ...statusOf(err));
          } catch {
            /* the connection is gone */
          }
        }),
      );
    });
  };

  on('OPEN', async (id, filename: string, pflags: number) => {
    const abs = await store.path(filename);
    if (abs === store.root) throw new StoreError('root', 'outside');
    const fd = openSync(abs, openFlags(pflags), 0o644);
    store.changed();
    if (fstatSync(fd).isDirectory()) {
      closeSync(fd);
      return fail(id, STATUS_CODE.FAILURE, 'Is a directory');
    }
    sftp.handle(id, newHandle({ kind: 'file', fd, name: filename }));
  });

  on('READ', async (id, hbuf: Buffer, offset: number, length: number) => {
    const h = handleOf(hbuf);
    if (h?.kind !== 'file') return fail(id, STATUS_CODE.FAILURE, 'Bad handle');
    const buf = Buffer.alloc(Math.min(length, 256 * 1024));
    const bytesRead = readSync(h.fd, buf, 0, buf.length, offset);
    if (bytesRead === 0) return fail(id, STATUS_CODE.EOF, 'End of file');
    sftp.data(id, buf.subarray(0, bytesRead));
  });

  on('WRITE', async (id, hbuf: Buffer, offset: number, data: Buffer) => {
    const h = handleOf(hbuf);
    if (dropped) return;
    if (h?.kind !== 'file') return fail(id, STATUS_CODE.FAILURE, 'Bad handle');
    const size = fstatSync(h.fd).size;
    const grow = Math.max(0, offset + data.length - size);
    // Walked for every write, as RouterOS sees its real free space: the disk may fill up from elsewhere mid-upload.
    if (grow > 0 && grow > (await store.freeBytes())) return fail(id, STATUS_CODE.FAILURE, 'No space left on device');
    if (dropped) return;
    const allowed = gate.allow(data.length);
    if (allowed < data.length) {
      dropped = true;
      if (allowed > 0) writeSync(h.fd, data, 0, allowed, offset);
      gate.drop();
      return;
    }
    writeSync(h.fd, data, 0, data.length, offset);
    store.changed();
    ok(id);
  });

  on('FSTAT', async (id, hbuf: Buffer) => {
    const h = handleOf(hbuf);
    if (!h) return fail(id, STATUS_CODE.FAILURE, 'Bad handle');
    sftp.attrs(id, attrsOf(h.kind === 'file' ? fstatSync(h.fd) : lstatSync(h.abs)));
  });

  on('FSETSTAT', async (id, hbuf: Buffer, attrs: Attributes) => {
    const h = handleOf(hbuf);
    if (!h) return fail(id, STATUS_CODE.FAILURE, 'Bad handle');
    if (h.kind === 'file') {
      if (attrs.size !== undefined) ftruncateSync(h.fd, attrs.size);
      if (attrs.mtime !== undefined) futimesSync(h.fd, attrs.atime ?? attrs.mtime, attrs.mtime);
    }
    ok(id);
  });

  on('CLOSE', async (id, hbuf: Buffer) => {
    const h = handleOf(hbuf);
    if (!h) return fail(id, STATUS_CODE.FAILURE, 'Bad handle');
    handles.delete(hbuf.readUInt32BE(0));
    if (h.kind === 'file') closeSync(h.fd);
    ok(id);
  });

  on('OPENDIR', async (id, path: string) => {
    const abs = await store.path(path);
    if (!lstatSync(abs).isDirectory()) return fail(id, STATUS_CODE.FAILURE, 'Not a directory');
    sftp.handle(id, newHandle({ kind: 'dir', abs, done: false, name: path }));
  });

  on('READDIR', async (id, hbuf: Buffer) => {
    const h = handleOf(hbuf);
    if (h?.kind !== 'dir') return fail(id, STATUS_CODE.FAILURE, 'Bad handle');
    if (h.done) return fail(id, STATUS_CODE.EOF, 'End of directory');
    h.done = true;
    const names: FileEntry[] = [];
    for (const e of readdirSync(h.abs, { withFileTypes: true })) {
      if (!e.isFile() && !e.isDirectory()) continue; // symlinks and devices are not RouterOS files
      const st = lstatSync(join(h.abs, e.name));
      names.push({ filename: e.name, longname: longname(e.name, st), attrs: attrsOf(st) });
    }
    if (!names.length) return fail(id, STATUS_CODE.EOF, 'End of directory');
    sftp.name(id, names);
  });

  const statPath = async (id: number, path: string) => {
    sftp.attrs(id, attrsOf(lstatSync(await store.path(path))));
  };
  on('STAT', statPath);
  on('LSTAT', statPath);

  on('SETSTAT', async (id, path: string, attrs: Attributes) => {
    const abs = await store.path(path);
    lstatSync(abs);
    if (attrs.mtime !== undefined) utimesSync(abs, attrs.atime ?? attrs.mtime, attrs.mtime);
    ok(id);
  });

  on('REMOVE', async (id, path: string) => {
    const abs = await store.path(path);
    if (lstatSync(abs).isDirectory()) return fail(id, STATUS_CODE.FAILURE, 'Is a directory');
    unlinkSync(abs);
    store.changed();
    ok(id);
  });

  on('MKDIR', async (id, path: string) => {
    mkdirSync(await store.path(path));
    store.changed();
    ok(id);
  });

  on('RMDIR', async (id, path: string) => {
    const abs = await store.path(path);
    if (abs === store.root) throw new StoreError('root', 'outside');
    rmdirSync(abs);
    store.changed();
    ok(id);
  });

  on('RENAME', async (id, from: string, to: string) => {
    const src = await store.path(from);
    const dst = await store.path(to);
    if (src === store.root || dst === store.root) throw new StoreError('root', 'outside');
    lstatSync(src);
    if (lstatSync(dst, { throwIfNoEntry: false })) return fail(id, STATUS_CODE.FAILURE, 'File exists');
    renameSync(src, dst);
    store.changed();
    ok(id);
  });

  on('REALPATH', async (id, path: string) => {
    const name = '/' + store.nameOf(store.resolve(path));
    sftp.name(id, [{ filename: name, longname: name, attrs: {} as Attributes }]);
  });

  // The client's EOF ends the session: the server reports exit status 0 and closes the channel, which
  // OpenSSH's sftp and scp wait for (scp fails on a session that ends without an exit status).
  sftp.on('end', () => {
    const channel = sftp as unknown as { outgoing: { id: number; state: string }; _protocol: { exitStatus(id: number, status: number): void } };
    if (channel.outgoing.state === 'open') channel._protocol.exitStatus(channel.outgoing.id, 0);
    sftp.end();
  });
  sftp.on('close', () => {
    for (const h of handles.values()) {
      try {
        if (h.kind === 'file') closeSync(h.fd);
      } catch {
        /* already closed */
      }
    }
    handles.clear();
  });
}
