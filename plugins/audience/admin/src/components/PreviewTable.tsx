import type { ReactNode } from 'react';
import { Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';

// The file's first rows under its column names, with a control per column (the field it maps to).
export const PreviewTable = ({ headers, controls, rows }: { headers: string[]; controls: ReactNode[]; rows: string[][] }) => (
  <Table colCount={headers.length} rowCount={rows.length + 2}>
    <Thead>
      <Tr>
        {headers.map((h, i) => (
          <Th key={i}>
            <Typography variant="sigma">{h || `column ${i + 1}`}</Typography>
          </Th>
        ))}
      </Tr>
    </Thead>
    <Tbody>
      <Tr>
        {controls.map((control, i) => (
          <Td key={i}>{control}</Td>
        ))}
      </Tr>
      {rows.map((cells, r) => (
        <Tr key={r}>
          {headers.map((_, i) => (
            <Td key={i}>
              <Typography textColor="neutral800">{cells[i] ?? ''}</Typography>
            </Td>
          ))}
        </Tr>
      ))}
    </Tbody>
  </Table>
);
