import { Button, Flex, Typography } from '@strapi/design-system';

export const Pager = ({ page, pageSize, total, onPage }: { page: number; pageSize: number; total: number; onPage(p: number): void }) => {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <Flex gap={2} paddingTop={4} justifyContent="flex-end">
      <Typography variant="pi">
        Page {page} of {pages} ({total} in all)
      </Typography>
      <Button variant="tertiary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        Previous
      </Button>
      <Button variant="tertiary" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        Next
      </Button>
    </Flex>
  );
};
