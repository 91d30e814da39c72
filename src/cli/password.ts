import { ZPassword } from '../access/index.js';
import { UsageError } from './exit-codes.js';
import type { CliIo } from './io.js';

async function firstLineOf(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) {
    text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    const nl = text.indexOf('\n');
    if (nl >= 0) return text.slice(0, nl).replace(/\r$/, '');
  }
  return text.replace(/\r$/, '');
}

/**
 * A new user's password: from the environment variable named by `--password-env`, else the first line of
 * stdin when it is piped. Never a command-line argument (it would show in `ps` and shell history) and never a
 * prompt (the CLI runs unattended).
 * @throws UsageError when there is no source or the password is too weak.
 */
export async function readPassword(io: CliIo, envVar: string | undefined): Promise<string> {
  let password: string;
  if (envVar !== undefined) {
    const v = io.env[envVar];
    if (v === undefined || v === '') throw new UsageError(`--password-env: environment variable ${envVar} is not set`, [{ field: '--password-env', reason: `${envVar} is not set` }]);
    password = v;
  } else if (io.stdin && !io.stdin.isTTY) {
    password = await firstLineOf(io.stdin);
  } else {
    throw new UsageError('no password: give --password-env VAR or pipe the password on stdin', [{ field: '--password-env', reason: 'no password source' }]);
  }
  const checked = ZPassword.safeParse(password);
  if (!checked.success) throw new UsageError(`password: ${checked.error.issues[0]?.message ?? 'invalid'}`, [{ field: 'password', reason: checked.error.issues[0]?.message ?? 'invalid' }]);
  return checked.data;
}
