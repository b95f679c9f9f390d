/**
 * SSH clients for tests, on loopback only: `exec` with ssh2's Client (output, exit code, and the host
 * key the server showed) and SFTP with ssh2-sftp-client, as the deploy tool uses them.
 */
import { createHash } from 'node:crypto';
import ssh2 from 'ssh2';
import SftpClient from 'ssh2-sftp-client';

export interface Login {
  port: number;
  username?: string;
  password?: string;
}

export interface ExecResult {
  stdout: string;
  stderr: string;
  code: number | null;
  /** `SHA256:…` of the host key the server presented. */
  hostKey: string;
}

const fingerprint = (key: Buffer) => 'SHA256:' + createHash('sha256').update(key).digest('base64').replace(/=+$/, '');

export function sshExec(login: Login, command: string): Promise<ExecResult> {
  return new Promise((resolveExec, reject) => {
    const client = new ssh2.Client();
    let hostKey = '';
    client.on('error', reject);
    client.on('ready', () => {
      client.exec(command, (err, stream) => {
        if (err) {
          client.end();
          return reject(err);
        }
        let stdout = '';
        let stderr = '';
        stream.on('data', (d: Buffer) => (stdout += d.toString()));
        stream.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        stream.on('close', (code: number | null) => {
          client.end();
          resolveExec({ stdout, stderr, code, hostKey });
        });
      });
    });
    client.connect({
      host: '127.0.0.1',
      port: login.port,
      username: login.username ?? 'admin',
      password: login.password ?? 'router-pw',
      readyTimeout: 10_000,
      hostVerifier: (key: Buffer) => {
        hostKey = fingerprint(key);
        return true;
      },
    });
  });
}

/** A connected SFTP client; the caller ends it. */
export async function sftpClient(login: Login): Promise<SftpClient> {
  const sftp = new SftpClient();
  await sftp.connect({
    host: '127.0.0.1',
    port: login.port,
    username: login.username ?? 'admin',
    password: login.password ?? 'router-pw',
    readyTimeout: 10_000,
    retries: 0,
  });
  return sftp;
}

export const ADMIN = { name: 'admin', password: 'router-pw' };
