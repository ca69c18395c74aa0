/**
 * A rule broken by some data. `code` is stable and never reused (the app translates it); `path` points at the
 * offending part (question id, task force id...); `message` is an English explanation for logs and developers.
 */
export interface SafetyProblem {
  readonly code: string;
  readonly path: string;
  readonly message: string;
}

export function problem(code: string, path: string, message: string): SafetyProblem {
  return { code, path, message };
}
