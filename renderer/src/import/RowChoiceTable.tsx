import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Rows a choice table draws at once; a choice for all covers every other. */
export const MAX_ROWS_SHOWN = 200;

interface Props<R extends { row: number; value: string }> {
  rows: R[];
  /** The header of the column that holds each row's choice. */
  choiceHeader: string;
  choice: (row: R) => ReactNode;
}

/** A table of file rows, each with the value it was found by and a choice to make for it. */
export function RowChoiceTable<R extends { row: number; value: string }>({
  rows,
  choiceHeader,
  choice,
}: Props<R>) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll">
      <table className="mapping-table">
        <thead>
          <tr>
            <th scope="col">{t('import.report.row')}</th>
            <th scope="col">{t('import.report.value')}</th>
            <th scope="col">{choiceHeader}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.row}>
              <td>{row.row}</td>
              <th scope="row">{row.value}</th>
              <td>{choice(row)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
