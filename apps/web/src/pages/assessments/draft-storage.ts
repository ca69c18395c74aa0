import type { Answers, HazardContext } from './types';

/** What the form keeps on the device between saves, so a reload or a dropped connection loses nothing. */
export interface LocalDraft {
  schoolId: string;
  instrumentId: string;
  instrumentVersion: number;
  answers: Answers;
  hazardContext: HazardContext;
  /** The server version these edits are based on; absent until the first save succeeds. */
  version?: number;
  /** True while the device holds edits the server has not accepted. */
  unsaved: boolean;
}

const key = (id: string) => `safeschools.assessment-draft.${id}`;

export function readLocalDraft(id: string): LocalDraft | null {
  try {
    const text = localStorage.getItem(key(id));
    if (!text) return null;
    const draft = JSON.parse(text) as Partial<LocalDraft>;
    if (typeof draft.schoolId !== 'string' || typeof draft.instrumentId !== 'string' || typeof draft.instrumentVersion !== 'number')
      return null;
    return {
      schoolId: draft.schoolId,
      instrumentId: draft.instrumentId,
      instrumentVersion: draft.instrumentVersion,
      answers: draft.answers ?? {},
      hazardContext: draft.hazardContext ?? {},
      version: draft.version,
      unsaved: draft.unsaved ?? true,
    };
  } catch {
    // Storage may be full, disabled (private mode) or hold something unreadable: behave as if there were none.
    return null;
  }
}

export function writeLocalDraft(id: string, draft: LocalDraft): void {
  try {
    localStorage.setItem(key(id), JSON.stringify(draft));
  } catch {
    // Keeping a copy on the device is a convenience; the form still works when storage refuses it.
  }
}

export function removeLocalDraft(id: string): void {
  try {
    localStorage.removeItem(key(id));
  } catch {
    // See writeLocalDraft.
  }
}
