import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldLabel, mappingFields } from './fields';
import type { ImportKind, Mapping } from './types';

interface MappingTableProps {
  kind: ImportKind;
  columns: readonly string[];
  value: Mapping;
  onChange: (mapping: Mapping) => void;
  disabled?: boolean;
}

/** One row per target field, with a select of the file's columns (or "not in file"). */
export function MappingTable({ kind, columns, value, onChange, disabled }: MappingTableProps) {
  const { t } = useTranslation();
  const id = useId();
  const fields = mappingFields(kind, value);
  const choose = (field: string, column: string) => {
    const next = { ...value };
    if (column) next[field] = column;
    else delete next[field];
    onChange(next);
  };

  return (
    <table className="responsive-table">
      <caption>{t('imports.mapping.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('imports.mapping.field')}</th>
          <th scope="col">{t('imports.mapping.column')}</th>
        </tr>
      </thead>
      <tbody>
        {fields.map((field, index) => {
          const label = fieldLabel(t, field);
          const selected = value[field] ?? '';
          // A column the server mapped but did not list is still offered, so the select shows the truth.
          const options = selected && !columns.includes(selected) ? [...columns, selected] : columns;
          return (
            <tr key={field}>
              <th scope="row" id={`${id}-${index}`}>
                {label}
              </th>
              <td>
                <select
                  aria-labelledby={`${id}-${index}`}
                  value={selected}
                  disabled={disabled}
                  onChange={(event) => choose(field, event.target.value)}
                >
                  <option value="">{t('imports.mapping.notInFile')}</option>
                  {options.map((column) => (
                    <option key={column} value={column}>
                      {column}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
