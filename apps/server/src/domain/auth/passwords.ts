import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../shared/app-error.js';

// OWASP Password Storage Cheat Sheet (2023): argon2id, m=19 MiB, t=2, p=1.
// `algorithm: 2` is Argon2id in @node-rs/argon2's (const) enum, which isolated modules cannot import.
const options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

/** A real hash to verify against when the email is unknown, so timing does not reveal which emails exist. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword('decoy password that never matches anything');
  return decoy;
}

const common = new Set(['password1234', '123456789012', 'qwertyuiopas', 'safeschools123', 'administrator']);

/** NIST SP 800-63B: length over composition rules; refuse known-bad and self-describing passwords. */
export function checkPasswordStrength(password: string, email: string): void {
  const lower = password.toLowerCase();
  const local = email.split('@')[0]!.toLowerCase();
  const problems: string[] = [];
  if (password.length < 12) problems.push('The password must have at least 12 characters.');
  // The email's name part does not count towards the length: "priya.sharma2026" is barely more than "2026".
  const rest = local.length >= 3 ? lower.replaceAll(local, '') : lower;
  if (common.has(lower) || lower === email.toLowerCase() || rest.length < 8) {
    problems.push('The password must not be a common password or mostly your email address.');
  }
  if (new Set(password).size < 5) problems.push('The password must use more than 4 different characters.');
  if (problems.length) {
    throw new AppError(
      'WEAK_PASSWORD',
      problems.join(' '),
      problems.map((message) => ({ path: 'password', message, code: 'WEAK_PASSWORD' })),
    );
  }
}
