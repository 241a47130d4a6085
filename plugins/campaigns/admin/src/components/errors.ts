import type { Block } from './blocks';

type Issue = { path: Array<string | number>; message: string };
export type BlockErrors = Record<string, string[]>;

// The server reports issues by path (body.blocks.2.columns.0.1.label); the editor shows each next
// to its block, so the path is walked down to the innermost block it names.
export const errorsByBlock = (blocks: Block[], issues: Issue[]): { byBlock: BlockErrors; other: string[] } => {
  const byBlock: BlockErrors = {};
  const other: string[] = [];
  for (const issue of issues) {
    const [root, key, index, ...rest] = issue.path;
    let block = root === 'body' && key === 'blocks' ? blocks[Number(index)] : undefined;
    let tail = rest;
    while (block?.type === 'columns' && tail[0] === 'columns' && tail.length >= 3) {
      block = block.columns[Number(tail[1])]?.[Number(tail[2])];
      tail = tail.slice(3);
    }
    const message = tail.length ? `${tail.join('.')}: ${issue.message}` : issue.message;
    if (block) (byBlock[block.id] ??= []).push(message);
    else other.push(`${issue.path.join('.')}: ${issue.message}`);
  }
  return { byBlock, other };
};

type HttpError = { response?: { data?: { error?: { message?: string; details?: { errors?: Issue[] } } } }; message: string };

export const issuesOf = (err: unknown): { message: string; issues: Issue[] } => {
  const e = err as HttpError;
  return { message: e.response?.data?.error?.message ?? e.message, issues: e.response?.data?.error?.details?.errors ?? [] };
};
