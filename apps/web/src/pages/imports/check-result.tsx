import { useTranslation } from 'react-i18next';
import { ImportCounts } from './import-counts';
import { ImportProblems } from './import-problems';
import { MappingTable } from './mapping-table';
import type { ImportRun, Mapping } from './types';

interface CheckResultProps {
  run: ImportRun;
  mapping: Mapping;
  mappingChanged: boolean;
  disabled: boolean;
  onMappingChange: (mapping: Mapping) => void;
}

/** What the dry run found: the columns, the mapping it used (editable), the counts and the row problems. */
export function CheckResult({ run, mapping, mappingChanged, disabled, onMappingChange }: CheckResultProps) {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <h3>{t('imports.columnsFound')}</h3>
      {run.columns.length > 0 ? (
        <ul className="chips">
          {run.columns.map((column) => (
            <li key={column} className="chip">
              {column}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('imports.noColumns')}</p>
      )}
      <h3>{t('imports.mapping.heading')}</h3>
      <p className="hint">{t('imports.mapping.hint')}</p>
      <MappingTable kind={run.kind} columns={run.columns} value={mapping} onChange={onMappingChange} disabled={disabled} />
      {mappingChanged && <p className="warning">{t('imports.mapping.changed')}</p>}
      <h3>{t('imports.counts.title')}</h3>
      <ImportCounts run={run} />
      <h3>{t('imports.problems.heading')}</h3>
      <ImportProblems run={run} />
    </div>
  );
}
