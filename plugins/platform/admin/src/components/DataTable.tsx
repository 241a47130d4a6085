import type { ReactNode } from 'react';
import { Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';

export type Row = { key: string | number; cells: ReactNode[] };

// The admin lists' table: sigma headers, plain text cells (other nodes pass through as they are).
export const DataTable = ({ headers, rows }: { headers: string[]; rows: Row[] }) => (
  <Table colCount={headers.length} rowCount={rows.length + 1}>
    <Thead>
      <Tr>
        {headers.map((h, i) => (
          <Th key={`${h}-${i}`}>
            <Typography variant="sigma">{h}</Typography>
          </Th>
        ))}
      </Tr>
    </Thead>
    <Tbody>
      {rows.map((row) => (
        <Tr key={row.key}>
          {row.cells.map((cell, i) => (
            <Td key={i}>{typeof cell === 'string' || typeof cell === 'number' ? <Typography>{cell}</Typography> : cell}</Td>
          ))}
        </Tr>
      ))}
    </Tbody>
  </Table>
);
