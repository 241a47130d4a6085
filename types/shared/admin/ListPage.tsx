import type { ReactNode } from 'react';
import { Button, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useNavigate } from 'react-router-dom';

type Props<R> = {
  title: string;
  subtitle: string;
  newLabel: string;
  rows: R[] | null;
  // Column headers after "Name", and each row's cells for them.
  columns: string[];
  cells: (row: R) => ReactNode[];
  // Where "New" and a row's name lead: by default the page's own `new` and `:documentId` routes.
  newTo?: string;
  rowTo?: (row: R) => string;
};

// A plugin page listing documents by name (each opening its editor) with a "New" action, shared
// by the plugins' admin pages so their lists look and behave alike.
export const ListPage = <R extends { documentId: string; name: string }>({
  title,
  subtitle,
  newLabel,
  rows,
  columns,
  cells,
  newTo = 'new',
  rowTo = (row) => row.documentId,
}: Props<R>) => {
  const navigate = useNavigate();
  return (
    <Page.Main>
      <Layouts.Header
        title={title}
        subtitle={subtitle}
        primaryAction={
          <Button startIcon={<Plus />} onClick={() => navigate(newTo)}>
            {newLabel}
          </Button>
        }
      />
      <Layouts.Content>
        {rows === null ? (
          <Typography>Loading…</Typography>
        ) : (
          <Table colCount={columns.length + 1} rowCount={rows.length + 1}>
            <Thead>
              <Tr>
                {['Name', ...columns].map((h) => (
                  <Th key={h}>
                    <Typography variant="sigma">{h}</Typography>
                  </Th>
                ))}
              </Tr>
            </Thead>
            <Tbody>
              {rows.map((r) => (
                <Tr key={r.documentId}>
                  <Td>
                    <Button variant="ghost" onClick={() => navigate(rowTo(r))}>
                      {r.name}
                    </Button>
                  </Td>
                  {cells(r).map((cell, i) => (
                    <Td key={columns[i]}>
                      <Typography>{cell}</Typography>
                    </Td>
                  ))}
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};
