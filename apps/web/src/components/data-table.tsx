import {
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
} from '@tanstack/react-table';
import type { ColumnDef, FilterFn, SortingState } from '@tanstack/react-table';
import { useState } from 'react';
import type { ReactNode } from 'react';
import './data-table.css';

/** Props of {@link DataTable}; every text comes from the caller's catalogs. */
export interface DataTableProps<T> {
  data: readonly T[];
  // TanStack's column type is invariant in the cell value; each column declares its own.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  columns: ColumnDef<T, any>[];
  getRowId: (row: T) => string;
  /** The words a search matches a row by (name, code, team …). */
  searchText: (row: T) => string;
  /** Label and placeholder of the search box. */
  searchLabel: string;
  /** "3 of 12", given the visible and total counts. */
  countLabel: (shown: number, total: number) => string;
  /** What an empty result says (no rows, or none matching the search). */
  emptyLabel: ReactNode;
  initialSort?: SortingState;
  /** Rows shown quieter (deactivated items). */
  isRowMuted?: (row: T) => boolean;
  /** Buttons beside the search box (e.g. "New user"). */
  actions?: ReactNode;
}

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;

/**
 * A dense, searchable, sortable table for desktop screens (TanStack Table: headless, so it keeps
 * the kit's look). Headers sort on click or Enter; the search box filters as one types.
 */
export function DataTable<T>({
  data,
  columns,
  getRowId,
  searchText,
  searchLabel,
  countLabel,
  emptyLabel,
  initialSort = [],
  isRowMuted,
  actions,
}: DataTableProps<T>) {
  const [sorting, setSorting] = useState<SortingState>(initialSort);
  const [globalFilter, setGlobalFilter] = useState('');
  const matches: FilterFn<T> = (row, _columnId, query: string) =>
    searchText(row.original).toLocaleLowerCase().includes(query.trim().toLocaleLowerCase());
  const table = useReactTable({
    data: data as T[],
    columns,
    getRowId,
    state: { sorting, globalFilter },
    onSortingChange: setSorting,
    onGlobalFilterChange: setGlobalFilter,
    globalFilterFn: matches,
    // Every column takes part in the search (the row's searchText decides), not only string ones.
    getColumnCanGlobalFilter: () => true,
    getCoreRowModel: getCoreRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
  const rows = table.getRowModel().rows;
  return (
    <div className="data-table">
      <div className="data-table__toolbar">
        <input
          type="search"
          className="field__input data-table__search"
          aria-label={searchLabel}
          placeholder={searchLabel}
          value={globalFilter}
          onChange={(event) => setGlobalFilter(event.target.value)}
        />
        <span className="data-table__count muted" aria-live="polite">
          {countLabel(rows.length, data.length)}
        </span>
        {actions ? <div className="data-table__actions">{actions}</div> : null}
      </div>
      <div className="table-card">
        <table className="data-table__table">
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const label = flexRender(header.column.columnDef.header, header.getContext());
                  return (
                    <th key={header.id} scope="col" aria-sort={sorted ? ARIA_SORT[sorted] : undefined}>
                      {header.column.getCanSort() ? (
                        <button
                          type="button"
                          className="data-table__sort"
                          onClick={header.column.getToggleSortingHandler()}
                        >
                          {label}
                          <span className="data-table__arrow" aria-hidden="true">
                            {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                          </span>
                        </button>
                      ) : (
                        label
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td className="data-table__empty" colSpan={columns.length}>
                  {emptyLabel}
                </td>
              </tr>
            ) : (
              rows.map((row) => (
                <tr key={row.id} className={isRowMuted?.(row.original) ? 'data-table__row--muted' : undefined}>
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
